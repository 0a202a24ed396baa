"""Convert the XWD frame buffer Xvfb writes with ``-fbdir`` into a PNG (standard library only).

Usage: python3 packaging/xwd2png.py Xvfb_screen0 out.png

verify.sh uses it to screenshot the bundled app without any X client tool installed. Handles
the ZPixmap, 24/32 bits-per-pixel TrueColor layout Xvfb uses (``-screen 0 WxHx24``).
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

_HEADER_FIELDS = 25  # CARD32 fields in an XWD file header (X11 XWDFileHeader)


def xwd_to_rgb(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and packed 8-bit RGB rows of an XWD image."""
    fields = struct.unpack(">25I", data[: 4 * _HEADER_FIELDS])
    header_size, _version, pixmap_format, depth, width, height = fields[:6]
    byte_order = fields[7]
    bits_per_pixel = fields[11]
    bytes_per_line = fields[12]
    red_mask, green_mask, blue_mask = fields[14:17]
    ncolors = fields[19]
    if pixmap_format != 2 or bits_per_pixel not in (24, 32) or depth < 24:
        raise ValueError(f"unsupported XWD: format {pixmap_format}, {bits_per_pixel} bpp")
    offset = header_size + 12 * ncolors
    step = bits_per_pixel // 8
    order = "<" if byte_order == 0 else ">"

    def shift(mask: int) -> int:
        return (mask & -mask).bit_length() - 1

    rs, gs, bs = shift(red_mask), shift(green_mask), shift(blue_mask)
    rows = bytearray()
    for y in range(height):
        line = data[offset + y * bytes_per_line : offset + y * bytes_per_line + width * step]
        rows.append(0)  # PNG filter type: none
        for x in range(0, width * step, step):
            chunk = line[x : x + step]
            value = int.from_bytes(chunk, "little" if order == "<" else "big")
            rows += bytes(
                (
                    (value & red_mask) >> rs,
                    (value & green_mask) >> gs,
                    (value & blue_mask) >> bs,
                )
            )
    return width, height, bytes(rows)


def png_bytes(width: int, height: int, rows: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 6))
        + chunk(b"IEND", b"")
    )


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    width, height, rows = xwd_to_rgb(Path(argv[1]).read_bytes())
    Path(argv[2]).write_bytes(png_bytes(width, height, rows))
    print(f"{argv[2]}: {width}x{height}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
