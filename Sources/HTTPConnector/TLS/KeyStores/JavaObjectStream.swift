/// Walks past one Java-serialized object (Java Object Serialization Specification, chapter 6)
/// without building it: a JCEKS secret-key entry is a serialized `SealedObject` with no length in
/// front, so the entries after it can only be found by following the stream's grammar.
///
/// Only the grammar is followed, no class is looked at. Nesting is bounded, and every read is
/// bounds-checked, so a hostile file ends in ``Malformed``, never in a crash or a deep recursion.
struct JavaObjectStream {
    /// The bytes do not follow the serialization grammar (`offset` is where it went wrong).
    struct Malformed: Error {
        let offset: Int
    }

    /// What a class descriptor says about its instances' serialized fields.
    private struct ClassDescriptor {
        let flags: UInt8
        /// The typecode of each serializable field, in stream order.
        let fieldTypes: [UInt8]
        /// The superclass's descriptor, an index into `descriptors`.
        let superclass: Int?
        /// For an array class, its element typecode (`[B` → `B`).
        let elementType: UInt8?
    }

    /// The reader, positioned after what has been walked.
    private(set) var reader: BigEndianReader
    /// Every handle the stream assigned, in order; class descriptors keep their index into
    /// `descriptors` so references to them can be followed.
    private var handles: [Int?] = []
    private var descriptors: [ClassDescriptor] = []
    private var depth = 0

    private static let maximumDepth = 64
    private static let baseHandle: UInt32 = 0x7E_0000

    private enum Code {
        static let null: UInt8 = 0x70, reference: UInt8 = 0x71, classDescriptor: UInt8 = 0x72, object: UInt8 = 0x73
        static let string: UInt8 = 0x74, array: UInt8 = 0x75, `class`: UInt8 = 0x76, blockData: UInt8 = 0x77
        static let endBlockData: UInt8 = 0x78, blockDataLong: UInt8 = 0x7A, longString: UInt8 = 0x7C
        static let proxyClassDescriptor: UInt8 = 0x7D, `enum`: UInt8 = 0x7E
    }

    private enum Flag {
        static let writeMethod: UInt8 = 0x01, serializable: UInt8 = 0x02, externalizable: UInt8 = 0x04, blockData: UInt8 = 0x08
    }

    init(_ reader: BigEndianReader) {
        self.reader = reader
    }

    /// Walks the stream header and the one object after it.
    mutating func skipStream() throws(Malformed) {
        let start = reader.offset
        guard (try? reader.readUInt16()) == 0xACED, (try? reader.readUInt16()) == 5 else { throw Malformed(offset: start) }
        try skipContent()
    }

    private mutating func byte() throws(Malformed) -> UInt8 {
        do { return try reader.readUInt8() } catch { throw Malformed(offset: error.offset) }
    }

    private mutating func skip(_ count: Int) throws(Malformed) {
        do { try reader.skip(count) } catch { throw Malformed(offset: error.offset) }
    }

    private mutating func uint16() throws(Malformed) -> UInt16 {
        do { return try reader.readUInt16() } catch { throw Malformed(offset: error.offset) }
    }

    private mutating func skipUTF() throws(Malformed) {
        do { _ = try reader.readUTF() } catch { throw Malformed(offset: error.offset) }
    }

    private mutating func count32() throws(Malformed) -> Int {
        let offset = reader.offset
        guard let value = try? reader.readUInt32(), value <= Int32.max else { throw Malformed(offset: offset) }
        return Int(value)
    }

    private mutating func newHandle(_ descriptor: Int? = nil) -> Int {
        handles.append(descriptor)
        return handles.count - 1
    }

    /// One `content`: an object or a block of data.
    private mutating func skipContent() throws(Malformed) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Malformed(offset: reader.offset) }
        let offset = reader.offset
        let code = try byte()
        switch code {
        case Code.null:
            break
        case Code.reference:
            guard let handle = try? reader.readUInt32(), handle >= Self.baseHandle,
                  Int(handle - Self.baseHandle) < handles.count else { throw Malformed(offset: offset) }
        case Code.object:
            let descriptor = try classDescriptor()
            _ = newHandle()
            try skipClassData(descriptor, at: offset)
        case Code.string:
            _ = newHandle()
            try skipUTF()
        case Code.longString:
            _ = newHandle()
            guard let length = try? reader.readUInt64(), length <= UInt64(reader.remaining) else { throw Malformed(offset: offset) }
            try skip(Int(length))
        case Code.array:
            guard let descriptor = try classDescriptor(), let elementType = descriptors[descriptor].elementType else {
                throw Malformed(offset: offset)
            }
            _ = newHandle()
            let count = try count32()
            if let size = Self.primitiveSize(elementType) {
                guard count <= reader.remaining / size else { throw Malformed(offset: offset) }
                try skip(count * size)
            } else {
                for _ in 0..<count { try skipContent() }
            }
        case Code.class:
            _ = try classDescriptor()
            _ = newHandle()
        case Code.enum:
            _ = try classDescriptor()
            _ = newHandle()
            try skipContent()
        case Code.blockData:
            try skip(Int(try byte()))
        case Code.blockDataLong:
            try skip(try count32())
        case Code.classDescriptor, Code.proxyClassDescriptor:
            _ = try classDescriptor(code: code, at: offset)
        default:
            throw Malformed(offset: offset)
        }
    }

    /// A `classDesc`: a new descriptor, a reference to one, or null; its index in `descriptors`.
    private mutating func classDescriptor() throws(Malformed) -> Int? {
        let offset = reader.offset
        return try classDescriptor(code: try byte(), at: offset)
    }

    /// The `classDesc` whose first byte, `code`, was read at `offset`.
    private mutating func classDescriptor(code: UInt8, at offset: Int) throws(Malformed) -> Int? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Malformed(offset: offset) }
        switch code {
        case Code.null:
            return nil
        case Code.reference:
            guard let handle = try? reader.readUInt32(), handle >= Self.baseHandle,
                  Int(handle - Self.baseHandle) < handles.count,
                  let descriptor = handles[Int(handle - Self.baseHandle)] else { throw Malformed(offset: offset) }
            return descriptor
        case Code.classDescriptor:
            let nameLength = Int(try uint16())
            let nameStart = reader.offset
            try skip(nameLength)
            let name = reader.bytes[nameStart..<nameStart + nameLength]
            try skip(8)  // serialVersionUID
            let handle = newHandle()
            let flags = try byte()
            let fieldCount = Int(try uint16())
            var fieldTypes: [UInt8] = []
            for _ in 0..<fieldCount {
                let type = try byte()
                try skipUTF()
                if Self.primitiveSize(type) == nil {
                    guard type == UInt8(ascii: "L") || type == UInt8(ascii: "[") else { throw Malformed(offset: reader.offset) }
                    try skipContent()  // the field's class name, a string or a reference to one
                }
                fieldTypes.append(type)
            }
            try skipAnnotation()
            let superclass = try classDescriptor()
            let elementType = name.first == UInt8(ascii: "[") ? name.dropFirst().first : nil
            descriptors.append(ClassDescriptor(flags: flags, fieldTypes: fieldTypes, superclass: superclass, elementType: elementType))
            handles[handle] = descriptors.count - 1
            return descriptors.count - 1
        case Code.proxyClassDescriptor:
            let handle = newHandle()
            let interfaces = try count32()
            for _ in 0..<interfaces { try skipUTF() }
            try skipAnnotation()
            let superclass = try classDescriptor()
            descriptors.append(ClassDescriptor(flags: Flag.serializable, fieldTypes: [], superclass: superclass, elementType: nil))
            handles[handle] = descriptors.count - 1
            return descriptors.count - 1
        default:
            throw Malformed(offset: offset)
        }
    }

    /// Contents up to and including `TC_ENDBLOCKDATA` (a class or object annotation).
    private mutating func skipAnnotation() throws(Malformed) {
        while true {
            guard reader.remaining > 0 else { throw Malformed(offset: reader.offset) }
            if reader.bytes[reader.offset] == Code.endBlockData {
                try skip(1)
                return
            }
            try skipContent()
        }
    }

    /// An object's field values, superclass first.
    private mutating func skipClassData(_ descriptor: Int?, at offset: Int) throws(Malformed) {
        var chain: [ClassDescriptor] = []
        var next = descriptor
        while let index = next {
            // Descriptors only point at earlier ones, but a bound keeps a damaged file finite.
            guard chain.count < Self.maximumDepth else { throw Malformed(offset: offset) }
            chain.append(descriptors[index])
            next = descriptors[index].superclass
        }
        for type in chain.reversed() {
            if type.flags & Flag.externalizable != 0 {
                // Old-protocol externalizable data has no marked end and cannot be walked.
                guard type.flags & Flag.blockData != 0 else { throw Malformed(offset: offset) }
                try skipAnnotation()
                continue
            }
            for field in type.fieldTypes {
                if let size = Self.primitiveSize(field) {
                    try skip(size)
                } else {
                    try skipContent()
                }
            }
            if type.flags & Flag.writeMethod != 0 {
                try skipAnnotation()
            }
        }
    }

    /// The size of a primitive typecode's value; nil for objects and arrays.
    private static func primitiveSize(_ type: UInt8) -> Int? {
        switch type {
        case UInt8(ascii: "B"), UInt8(ascii: "Z"): 1
        case UInt8(ascii: "C"), UInt8(ascii: "S"): 2
        case UInt8(ascii: "I"), UInt8(ascii: "F"): 4
        case UInt8(ascii: "J"), UInt8(ascii: "D"): 8
        default: nil
        }
    }
}
