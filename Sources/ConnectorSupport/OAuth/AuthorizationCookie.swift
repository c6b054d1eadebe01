/// The cookie that ties an authorization's `state` to the browser that started it.
///
/// The authorize page sets it (a random nonce, `HttpOnly`, `SameSite=Lax`, as long-lived as the
/// state) and the callback requires it: a callback link minted in someone else's browser (login
/// CSRF, a state handed to a victim) arrives without the nonce its state was bound to and is
/// refused. `SameSite=Lax` still sends it on the provider's top-level redirect back to the
/// callback. The value is a secret of the browser: it is never logged nor shown.
public enum AuthorizationCookie {
    /// The cookie's name for the connector configuration `configName` (`conduit_oauth_Procore_Config`):
    /// one per configuration, so that two configurations on one listener do not overwrite each other's.
    public static func name(configName: String) -> String {
        let safe = configName.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": Character(scalar)
            default: "_"
            }
        }
        return "conduit_oauth_" + String(safe)
    }

    /// The `Set-Cookie` value that stores `nonce` for `maxAgeSeconds`; `Secure` when the callback is
    /// served over HTTPS (a plain-HTTP callback could never send a `Secure` cookie back).
    public static func setCookie(name: String, nonce: String, maxAgeSeconds: Int, secure: Bool) -> String {
        "\(name)=\(nonce); Path=/; Max-Age=\(max(maxAgeSeconds, 1)); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// The value of the cookie `name` in `Cookie` header values (`a=1; b=2`), if present.
    public static func value(named name: String, in cookieHeaders: [String]) -> String? {
        for header in cookieHeaders {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                if trimmed[..<equals] == name[...] { return String(trimmed[trimmed.index(after: equals)...]) }
            }
        }
        return nil
    }

    /// Whether `text` has the shape of a nonce this type makes (43 base64url characters), so that
    /// a browser's existing cookie can be reused rather than overwritten by a second authorization.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): true
            default: false
            }
        }
    }
}
