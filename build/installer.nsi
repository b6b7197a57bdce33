; Windows installer of Protokol Desktop (NSIS 3, Modern UI, Indonesian).
; Per-user install without administrator rights; Start-menu and desktop shortcuts; the uninstaller
; keeps the office's data unless the user ticks "Hapus juga data kantor".
;   makensis -DVERSION=0.1.0 -DBUNDLE=build\out\ProtokolDesktop -DOUTDIR=build\out build\installer.nsi

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "out\ProtokolDesktop"
!endif
!ifndef OUTDIR
  !define OUTDIR "out"
!endif

!define APPNAME "Protokol Desktop"
!define EXENAME "ProtokolDesktop.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ProtokolDesktop"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTDIR}/ProtokolDesktop-${VERSION}-setup.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\ProtokolDesktop"
InstallDirRegKey HKCU "Software\ProtokolDesktop" "InstallDir"
SetCompressor /SOLID lzma
!define MUI_ICON "../resources/icons/app.ico"
!define MUI_UNICON "../resources/icons/app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXENAME}"
!define MUI_FINISHPAGE_RUN_TEXT "Jalankan Protokol Desktop"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileDescription" "Pemasang ${APPNAME}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "CompanyName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "LegalCopyright" "${APPNAME}"

Section "Protokol Desktop" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXENAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Hapus ${APPNAME}.lnk" "$INSTDIR\Uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXENAME}"
  WriteRegStr HKCU "Software\ProtokolDesktop" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXENAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "un.Program" UnSecProgram
  SectionIn RO
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\ProtokolDesktop"
SectionEnd

; Off by default: the office's database, backups and attachments stay unless this is ticked.
Section /o "un.Hapus juga data kantor (basis data, cadangan, lampiran)" UnSecData
  RMDir /r "$LOCALAPPDATA\Protokol Desktop"
SectionEnd

LangString DESC_UnProgram ${LANG_INDONESIAN} "Menghapus program Protokol Desktop."
LangString DESC_UnData ${LANG_INDONESIAN} "Menghapus seluruh data kantor di komputer ini. Pastikan ada cadangan!"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} $(DESC_UnProgram)
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} $(DESC_UnData)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
