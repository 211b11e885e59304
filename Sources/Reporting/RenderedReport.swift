/// A rendered report as UTF-8 buffers to be written one after another, so a large report
/// reaches its file without first being joined into one buffer.
public struct RenderedReport: Sendable {
    /// One buffer: an array, or the memory a JSON writer filled, handed over without a copy.
    enum Piece: Sendable {
        case array([UInt8])
        case buffer(Buffer)
    }

    let storage: [Piece]

    /// A report held as pieces.
    public init(pieces: [[UInt8]]) {
        storage = pieces.map(Piece.array)
    }

    init(storage: [Piece]) {
        self.storage = storage
    }

    /// A report held as one text.
    public init(_ text: String) {
        storage = [.array(Array(text.utf8))]
    }

    /// The buffers, in order (copies of the ones a writer handed over).
    public var pieces: [[UInt8]] {
        storage.map { piece in
            switch piece {
            case .array(let bytes): bytes
            case .buffer(let buffer): Array(buffer.bytes)
            }
        }
    }

    /// Calls `body` with each buffer in order (valid for that call), until it returns false;
    /// whether every call returned true.
    @discardableResult
    public func forEachBuffer(_ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        for piece in storage {
            let ok = switch piece {
            case .array(let bytes): bytes.withUnsafeBytes(body)
            case .buffer(let buffer): body(UnsafeRawBufferPointer(buffer.bytes))
            }
            guard ok else { return false }
        }
        return true
    }

    /// How many buffers the report is held in.
    public var pieceCount: Int { storage.count }

    /// The whole report as one text.
    public var text: String {
        var total = 0
        forEachBuffer { buffer in
            total += buffer.count
            return true
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(total)
        forEachBuffer { buffer in
            joined += buffer
            return true
        }
        return String(decoding: joined, as: UTF8.self)
    }
}

extension RenderedReport {
    /// Bytes a writer filled, owned from then on by the report (freed with it).
    final class Buffer: @unchecked Sendable {
        // Never written after the writer hands it over, so it can be shared between threads.
        private let base: UnsafeMutablePointer<UInt8>
        private let count: Int

        /// Takes ownership of memory from `UnsafeMutablePointer.allocate`.
        init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
            self.base = base
            self.count = count
        }

        deinit {
            base.deallocate()
        }

        var bytes: UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base, count: count)
        }
    }
}
