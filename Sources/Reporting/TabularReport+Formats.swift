extension TabularReport {
    /// Plain text for a terminal: tables aligned by display width, control characters replaced.
    func text() -> String {
        var out = title.terminalSafe + "\n" + subtitle.terminalSafe + "\n"
        for block in blocks {
            switch block {
            case .heading(let text):
                out += "\n" + text.terminalSafe + "\n"
            case .paragraph(let text):
                out += "  " + text.terminalSafe + "\n"
            case .table(let header, let rows, let numeric):
                let body = rows.map { $0.map { plain($0).terminalSafe } }
                out += TextTable.render([header.map(\.terminalSafe)] + body, rightAligned: numeric, indent: 2)
            case .chart:
                continue
            }
        }
        return out
    }

    /// GitHub-flavoured Markdown, safe to paste into a pull-request comment.
    func markdown() -> String {
        var out = "# \(title.markdownEscaped)\n\n\(subtitle.markdownEscaped)\n"
        for block in blocks {
            switch block {
            case .heading(let text):
                out += "\n## \(text.markdownEscaped)\n\n"
            case .paragraph(let text):
                out += text.markdownEscaped + "\n\n"
            case .table(let header, let rows, let numeric):
                out += "| " + header.map(\.markdownEscaped).joined(separator: " | ") + " |\n"
                out += "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
                for row in rows {
                    out += "| " + row.map(markdownCell).joined(separator: " | ") + " |\n"
                }
                out += "\n"
            case .chart:
                continue
            }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    private func markdownCell(_ cell: Cell) -> String {
        switch cell {
        case .code(let s), .id(let s): s.isEmpty ? "" : s.markdownCode
        case .verdict, .status: "**" + plain(cell).markdownEscaped + "**"
        default: plain(cell).markdownEscaped
        }
    }

    /// A self-contained HTML page (inline CSS and SVG, no scripts), with the tool's version.
    func html(toolVersion: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(strings.htmlLanguage)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light\">\n"
        out += "<meta name=\"generator\" content=\"readiness \(toolVersion.xmlAttributeEscaped)\">\n"
        out += "<title>\(title.xmlEscaped)</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<article class=\"report\">\n<header>\n<h1>\(title.xmlEscaped)</h1>\n"
        out += "<p class=\"subtitle\">\(subtitle.xmlEscaped)</p>\n</header>\n"
        for (i, block) in blocks.enumerated() {
            let isChart = { (k: Int) in
                guard blocks.indices.contains(k), case .chart = blocks[k] else { return false }
                return true
            }
            if isChart(i) && !isChart(i - 1) { out += "<div class=\"charts\">\n" }
            defer { if isChart(i) && !isChart(i + 1) { out += "</div>\n" } }
            switch block {
            case .heading(let text):
                out += "<h2>\(text.xmlEscaped)</h2>\n"
            case .paragraph(let text):
                out += "<p>\(text.xmlEscaped)</p>\n"
            case .table(let header, let rows, let numeric):
                out += "<table>\n<thead><tr>"
                for (i, name) in header.enumerated() {
                    out += numeric.contains(i) ? "<th class=\"num\">" : "<th>"
                    out += name.xmlEscaped + "</th>"
                }
                out += "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out += "<tr>" + row.map(htmlCell).joined() + "</tr>\n"
                }
                out += "</tbody></table>\n"
            case .chart(let caption, let svg):
                out += "<figure class=\"chart-box wide\"><figcaption>\(caption.xmlEscaped)</figcaption>\n\(svg)\n</figure>\n"
            }
        }
        out += "</article>\n<footer class=\"colophon\">\(strings.generatedBy.xmlEscaped) readiness \(toolVersion.xmlEscaped)</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private func htmlCell(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): "<td>\(s.xmlEscaped)</td>"
        case .code(let s): s.isEmpty ? "<td></td>" : "<td><code>\(s.xmlEscaped)</code></td>"
        case .id(let s): "<td><code class=\"id\">\(s.xmlEscaped)</code></td>"
        case .date(let s): "<td class=\"nowrap\">\(s.xmlEscaped)</td>"
        case .number(let s): "<td class=\"num\">\(s.xmlEscaped)</td>"
        case .verdict(let v):
            v.map { "<td><span class=\"pill v-\($0.rawValue)\">\(strings.verdict($0).xmlEscaped)</span></td>" }
                ?? "<td>\(strings.absent.xmlEscaped)</td>"
        case .status(let s): "<td><span class=\"pill s-\(s.rawValue)\">\(strings.status(s).xmlEscaped)</span></td>"
        }
    }
}
