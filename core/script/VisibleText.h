// VisibleText: text from a server or a script made safe to show, with what would act rather than show
// made visible: control characters (an escape sequence a terminal runs, a bare CR that overwrites the
// line, NUL) as ^X, C1 controls, line and paragraph separators and bidirectional overrides (which reorder
// what follows, as in "Trojan Source") as \uXXXX. Tabs stay. The CLI's text output and the studio's
// Console pane show lines through it; JSON output needs none of it, as JSON escapes them.
#pragma once

#include <QString>

namespace AuthStudio::VisibleText {

enum class LineBreaks {
    Keep, // '\n' stays a line break (and CRLF becomes one): the terminal
    InLine, // '\n' becomes U+2028, a line break inside one paragraph: one console line stays one block
    Symbol, // '\n' becomes " \u21b5 " (a return arrow): a list row or a table cell stays one line
};

QString of(const QString &text, LineBreaks lineBreaks = LineBreaks::Keep);

} // namespace AuthStudio::VisibleText
