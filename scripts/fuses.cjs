// electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, so the shipped
// app cannot be turned into a plain Node.js (ELECTRON_RUN_AS_NODE), fed code through NODE_OPTIONS or
// --inspect, or made to load anything but its own integrity-checked app.asar. Wire it with
// `afterPack: scripts/fuses.cjs` in the electron-builder config (the packaging helper owns that file).
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require() */
const path = require('node:path')
const { FuseV1Options, FuseVersion, flipFuses } = require('@electron/fuses')

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served on crm://app, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** The Electron executable electron-builder just laid out in appOutDir. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`)
  return path.join(appOutDir, packager.executableName)
}

async function afterPack(context) {
  // macOS: the ad-hoc signature is redone after flipping; a real signature comes later in signing.
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' })
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.FUSES = FUSES
module.exports.electronBinary = electronBinary
