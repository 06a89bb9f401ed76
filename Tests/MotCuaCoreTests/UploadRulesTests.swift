import Testing
@testable import MotCuaCore

/// What may be attached online: recognised by content, not by name.
@Suite struct UploadRulesTests {
    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), UploadRules.MediaType.pdf), ([0xFF, 0xD8, 0xFF, 0xE0, 0x00], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], .png), (Array("<html>".utf8), nil), (Array("%PD".utf8), nil),
        ([0x4D, 0x5A, 0x90, 0x00], nil),
    ] as [([UInt8], UploadRules.MediaType?)])
    func filesAreRecognisedByTheirFirstBytes(bytes: [UInt8], type: UploadRules.MediaType?) {
        #expect(UploadRules.mediaType(of: bytes) == type)
    }

    @Test func emptyLargeAndForeignFilesAreRefusedNamingTheField() {
        #expect(UploadRules.problem(field: "file-0", fileName: "a.pdf", bytes: [])?.field == "file-0")
        let large = Array("%PDF-".utf8) + [UInt8](repeating: 0, count: UploadRules.maxBytes)
        #expect(UploadRules.problem(field: "file-1", fileName: "scan.pdf", bytes: large)?.message.contains("10 MB") == true)
        #expect(UploadRules.problem(field: "file-2", fileName: "anh.pdf", bytes: Array("GIF89a".utf8))?.message
                == "Tệp \"anh.pdf\" không phải PDF, JPEG hoặc PNG.")
        #expect(UploadRules.problem(field: "file-0", fileName: "a.pdf", bytes: Array("%PDF-1.4".utf8)) == nil)
    }
}
