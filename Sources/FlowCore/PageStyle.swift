/// The one small stylesheet of the pages Conduit serves to people (the management port's status
/// page, the sandbox's consent page), inlined in each page so that it needs nothing else to
/// load and works offline. System fonts, light and dark schemes, no external asset.
public enum PageStyle {
    /// The stylesheet, for a `<style>` element.
    public static let css = """
        :root{color-scheme:light dark;--fg:#1d2733;--muted:#5b6776;--bg:#f6f7f9;--card:#fff;--line:#dde2e8;--accent:#f47e42;--ok:#1f8a4c;--warn:#b7791f;--bad:#c53030;--p50:#2b6cb0;--p99:#f47e42}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--muted:#9aa5b4;--bg:#14181d;--card:#1c2127;--line:#2d343d}}
        *{box-sizing:border-box}
        body{margin:0;padding:24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:1040px;margin:0 auto}
        header{display:flex;align-items:baseline;gap:16px;flex-wrap:wrap;border-bottom:3px solid var(--accent);padding-bottom:8px;margin-bottom:16px}
        h1{font-size:22px;margin:0}
        h2{font-size:15px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:24px 0 8px}
        section,.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-bottom:16px}
        section h2{margin-top:4px}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:middle}
        th{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
        tr:last-child td{border-bottom:none}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
        .muted{color:var(--muted)}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
        .ok{background:var(--ok)}.warn{background:var(--warn)}.bad{background:var(--bad)}
        .legend-p50{color:var(--p50)}.legend-p99{color:var(--p99)}
        a{color:var(--p50)}
        button{font:inherit;padding:6px 18px;border-radius:6px;border:1px solid var(--line);cursor:pointer;background:var(--card);color:var(--fg)}
        form.approve button{background:var(--accent);border-color:var(--accent);color:#fff}
        form{display:inline-block;margin-right:8px}
        footer{color:var(--muted);font-size:12px;margin-top:8px}
        """
}
