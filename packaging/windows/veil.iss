; Inno Setup 6 script: Windows installer for the PyInstaller bundle in dist\veil.
; NOT RUN on the development machines (Linux only); built by packaging/ci/build-installers.yml.
;
;   pyinstaller --noconfirm --distpath dist --workpath build packaging\veil.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\veil.iss      -> dist\veil-0.1.0-windows-x64-setup.exe
;
; Per-user install by default (HR workstations often have no admin rights); admins can choose
; a machine-wide install. The Start-menu shortcut runs veilw.exe (no console window); veil.exe
; is the CLI (`veil --self-test`, which the installer offers to run at the end).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define SrcDir "..\..\dist\veil"

[Setup]
AppId={{6E1C1F0E-5B7C-4E0B-9B1D-7A5F2C3D9E41}
AppName=Veil
AppVersion={#AppVersion}
AppPublisher=Veil maintainers
AppComments=Private, offline resume screening
DefaultDirName={autopf}\Veil
DefaultGroupName=Veil
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=veil-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\veil.ico
UninstallDisplayIcon={app}\veilw.exe
Compression=lzma2/max
SolidCompression=yes
LZMANumBlockThreads=4
WizardStyle=modern
ChangesEnvironment=yes
; Sign setup and uninstaller when a certificate is configured in CI (see the workflow).
; SignTool=veilsign

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add veil.exe to PATH (for IT: veil --self-test)"; Flags: unchecked

[Files]
Source: "{#SrcDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Veil"; Filename: "{app}\veilw.exe"; Parameters: "gui"; WorkingDir: "{app}"
Name: "{group}\Veil self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\veil.exe"" --self-test"; WorkingDir: "{app}"
Name: "{autodesktop}\Veil"; Filename: "{app}\veilw.exe"; Parameters: "gui"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: not IsAdminInstallMode; Flags: preservestringtype

[Run]
Filename: "{cmd}"; Parameters: "/k ""{app}\veil.exe"" --self-test"; Description: "Run the self-test now (about half a minute, offline)"; Flags: postinstall unchecked
Filename: "{app}\veilw.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,Veil}"; Flags: postinstall nowait skipifsilent

[UninstallDelete]
; Only the program folder. Workspaces (encrypted) and settings in the user's folders are kept;
; erasing them is a deliberate act in the app, never a side effect of uninstalling.
Type: filesandordirs; Name: "{app}\_internal"
