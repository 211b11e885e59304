import Foundation
import Testing

@testable import Readiness

/// Output targets that are not regular files, and temporary files on a signal.
@Suite struct OutputTargetTests {
    @Test("a FIFO at the target is written into, not replaced by a regular file")
    func fifo() throws {
        let folder = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/report.pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let box = ResultBox<String>()
        let done = DispatchSemaphore(value: 0)
        Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            box.value = handle.map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }
            done.signal()
        }.start()
        try AtomicFile.write("report through a pipe", to: fifo)
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(box.value == "report through a pipe")
        var info = stat()
        #expect(lstat(fifo, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.pipe"])
    }

    @Test("/dev/null stays a device")
    func devNull() throws {
        try AtomicFile.write("nothing", to: "/dev/null")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test(
        "SIGTERM removes a registered temporary file and still ends the process",
        .disabled(
            if: Hardening.isThreadSanitized,
            "the thread sanitizer defers signals, and a child forked from the test runner never handles them"))
    func signalCleanup() throws {
        let folder = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let temporary = folder + "/.report.json.tmp-1"
        #expect(FileManager.default.createFile(atPath: temporary, contents: Data("half".utf8)))
        let slot = TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(slot) }
        let child = fork()
        if child == 0 {
            // The child inherits the handler and the registration; it only raises the signal
            // (unblocked first: the test runner's threads block signals).
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(SIGTERM)
            _exit(0)
        }
        #expect(child > 0)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        #expect(status & 0x7F == SIGTERM)
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }
}

extension OutputTargetTests {
    @Test("a link in a checkout that points at a device is replaced, not followed")
    func linkToDevice() throws {
        let folder = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let link = folder + "/report.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        try AtomicFile.write("report", to: link)
        var info = stat()
        #expect(lstat(link, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFREG)
        #expect(try String(contentsOfFile: link, encoding: .utf8) == "report")
    }

    @Test("/dev/fd/N and /proc/self/fd/N write into the open descriptor, whatever it leads to")
    func descriptorPaths() throws {
        let folder = try Hardening.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/redirected.txt"
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        try AtomicFile.write("one\n", to: "/dev/fd/\(fd)")
        try AtomicFile.write("two\n", to: "/proc/self/fd/\(fd)")
        close(fd)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "one\ntwo\n")
    }
}
