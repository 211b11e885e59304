// The `readiness` executable: the commands live in ReadinessCLI, which tests link without
// this target's static Swift runtime.

// Imported here so that, compiled with -static-stdlib (see Package.swift), this module names
// the static Foundation libraries' own dependencies for the linker.
import Foundation
import ReadinessCLI

ReadinessCommand.runAsMain()
