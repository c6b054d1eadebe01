import ClusterStore
import Testing

@Suite("Cluster store URL")
struct ClusterStoreURLTests {
    @Test("a full URL gives host, port, user, password and database; its description masks the password")
    func parsesAndMasks() throws {
        let url = try ClusterStoreURL("postgres://conduit:p%40ss@db.internal:6432/conduit_prod")
        #expect(url.host == "db.internal")
        #expect(url.port == 6432)
        #expect(url.username == "conduit")
        #expect(url.password == "p@ss")
        #expect(url.database == "conduit_prod")
        #expect(url.tls == .require)
        #expect(url.description == "postgres://conduit:****@db.internal:6432/conduit_prod")
    }

    @Test("the port defaults to 5432, TLS is off on loopback unless sslmode says otherwise")
    func defaults() throws {
        let url = try ClusterStoreURL("postgresql://conduit@127.0.0.1/conduit")
        #expect(url.port == 5432)
        #expect(url.password == nil)
        #expect(url.tls == .disable)
        #expect(url.description == "postgres://conduit@127.0.0.1:5432/conduit")
        #expect(try ClusterStoreURL("postgres://c:p@localhost/d?sslmode=require").tls == .require)
    }

    @Test("bad URLs name the URL with the password masked and say what is wrong",
          arguments: [
              ("mysql://conduit:hunter2@db/app", "The cluster store URL 'mysql://conduit:****@db/app' must start with postgres:// (postgres://user:password@host:5432/database)"),
              ("postgres://conduit:hunter2@db:5432", "The cluster store URL 'postgres://conduit:****@db:5432' names no database (postgres://user:password@host:5432/database)"),
              ("postgres://:hunter2@db/app", "The cluster store URL 'postgres://:****@db/app' names no user (postgres://user:password@host:5432/database)"),
              ("postgres://conduit:hunter2@db/app?sslmode=verify", "The cluster store URL 'postgres://conduit:****@db/app?sslmode=verify' has sslmode 'verify'; expected disable, prefer or require"),
              ("postgres://conduit:hunter2@db/app?timeout=3", "The cluster store URL 'postgres://conduit:****@db/app?timeout=3' has the parameter 'timeout'; only sslmode is understood"),
          ])
    func badURLs(text: String, message: String) {
        let error = #expect(throws: ClusterStoreURLError.self) { try ClusterStoreURL(text) }
        #expect(error?.description == message)
        #expect(error?.description.contains("hunter2") == false)
    }
}
