/// The proof's inline stylesheet and its small filter script (the page reads fine without it).
enum ProofStyle {
    static let css: StaticString = """
    body { font: 14px/1.4 system-ui, sans-serif; margin: 0 2em 4em; color: #222; }
    header h1 { margin-bottom: 0.2em; } .meta { color: #555; margin-top: 0; }
    #outline ol { list-style: none; padding-left: 0; columns: 2; }
    #outline .level-2 { padding-left: 1.5em; } #outline .level-3 { padding-left: 3em; } #outline .level-4 { padding-left: 4.5em; }
    .what { color: #666; font-size: 0.85em; }
    .diag { font-size: 0.85em; padding: 0 0.5em; border-left: 3px solid #999; margin: 2px 0 2px 5em; }
    .diag.warning { border-color: #c80; background: #fff6e5; } .diag.error { border-color: #c00; background: #fde8e8; }
    #legend label { display: inline-block; padding: 0 0.4em; margin: 0 0.2em 0.2em 0; border-radius: 3px; }
    main .l { display: grid; grid-template-columns: 4.5em minmax(0, 1fr) 22em; gap: 0.8em; font-family: ui-monospace, monospace; font-size: 12.5px; }
    main .l .src { white-space: pre-wrap; overflow-wrap: anywhere; }
    main .l .n { color: #999; text-align: right; text-decoration: none; }
    main .l:target { outline: 2px solid #36c; }
    .k-heading { background: #e4ecff; } .k-paragraph { background: #f3f9ee; } .k-join { background: #fafdf7; }
    .k-page { background: #f0f0f0; color: #777; } .k-note { background: #fff7d6; } .k-quote { background: #f4ecfb; }
    .k-list { background: #e9f7f7; } .k-verse { background: #fbeef3; } .k-scene { background: #eee; } .k-figure { background: #e8f0e0; }
    .k-none .src { color: #aaa; } .m-hyphen { color: #a4520f; } .m-marker { color: #7a6400; }
    main .l.by-sidecar { box-shadow: inset 4px 0 #c33; } .sidecar { color: #b22; }
    main .l.hidden { display: none; }
    """

    static let script: StaticString = """
    document.querySelectorAll('#legend input').forEach(function (box) {
      box.addEventListener('change', function () {
        var category = box.getAttribute('data-category');
        document.querySelectorAll('main .l[data-category="' + category + '"]').forEach(function (line) {
          line.classList.toggle('hidden', !box.checked);
        });
      });
    });
    """
}
