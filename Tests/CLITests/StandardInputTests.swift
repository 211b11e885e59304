import Foundation
import Testing

@testable import ReadinessCLI

/// A snapshot read from standard input with `-`, bounded by `--max-input-bytes`.
@Suite(.serialized) struct StandardInputTests {
    /// Runs the command with standard input replaced by the bytes (written from another thread,
    /// so input larger than a pipe's buffer cannot block).
    static func withStandardInput(_ bytes: [UInt8], _ arguments: [String]) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return -1 }
        let saved = dup(STDIN_FILENO)
        dup2(fds[0], STDIN_FILENO)
        close(fds[0])
        let writer = fds[1]
        let thread = Thread {
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let n = write(writer, base + offset, buffer.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(writer)
        }
        thread.start()
        let status = exitStatus(arguments)
        dup2(saved, STDIN_FILENO)
        close(saved)
        return status
    }

    @Test("'-' reads the snapshot from standard input")
    func snapshotFromStandardInput() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.package("Examples/erp-unrehearsed-migration.yaml"))))
        let report = Paths.temporary("stdin.json")
        #expect(Self.withStandardInput(bytes, ["check", "-", "--format", "json", "--output", report]) == 1)
        let json = Reports.object((try? String(contentsOfFile: report, encoding: .utf8)) ?? "")
        #expect(json["snapshot"] as? String == "<stdin>")
        #expect(json["verdict"] as? String == "no_go")
    }

    @Test("standard input over --max-input-bytes is refused")
    func bounded() {
        let bytes = Array(repeating: UInt8(ascii: "#"), count: 200_000)
        #expect(Self.withStandardInput(bytes, ["check", "-", "--max-input-bytes", "1000"]) == 2)
    }
}
