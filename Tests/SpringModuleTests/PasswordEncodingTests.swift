@testable import SpringModule
import Testing

/// Spring's stored password forms, and bcrypt checked against the published jBCrypt vectors.
@Suite struct PasswordEncodingTests {
    @Test("bcrypt hashes from jBCrypt's test vectors match their passwords and nothing else", arguments: [
        ("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."),
        ("a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe"),
        ("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"),
        ("abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC"),
        ("~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO"),
    ])
    func bcryptVectors(password: String, hash: String) throws {
        let parsed = try #require(BCryptHash(hash))
        #expect(parsed.matches(password))
        #expect(!parsed.matches(password + "x"))
        #expect(!parsed.matches(password + "\0"))
        #expect(BCryptHash.hash(password, setting: String(hash.prefix(29))) == hash)
    }

    @Test("$2b$ and $2y$ hashes are read too; malformed ones are not", arguments: [
        ("$2b$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", true),
        ("$2y$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", true),
        ("$2x$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", false),
        ("$2a$03$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", false),
        ("$2a$32$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", false),
        ("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0", false),
        ("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0!", false),
    ])
    func bcryptShapes(hash: String, accepted: Bool) {
        #expect((BCryptHash(hash) != nil) == accepted)
    }

    @Test("$2b$ checks the same password as $2a$ for short passwords")
    func bcryptVariants() throws {
        let hash = try #require(BCryptHash("$2b$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"))
        #expect(hash.matches("abc"))
    }

    @Test("{noop} compares as written; descriptions never show the secret")
    func noop() throws {
        let encoding = try PasswordEncoding("{noop}pa:ss{}", user: "u")
        #expect(encoding.matches("pa:ss{}"))
        #expect(!encoding.matches("pa:ss"))
        #expect(encoding.description == "{noop} password (hidden)")
        let hashed = try PasswordEncoding("{bcrypt}$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", user: "u")
        #expect(hashed.description == "{bcrypt} hash (hidden)")
    }
}
