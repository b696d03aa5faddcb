#include "VisibleText.h"

namespace AuthStudio::VisibleText {

namespace {

bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

bool needsShowing(char16_t c)
{
    return (c < 0x20 && c != u'\t') || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
        isBidiControl(c);
}

} // namespace

QString of(const QString &raw, LineBreaks lineBreaks)
{
    // A CRLF line ending (a Windows server's body) is a line break, not a CR to show.
    const QString text = raw.contains(QLatin1String("\r\n"))
        ? QString(raw).replace(QLatin1String("\r\n"), QLatin1String("\n"))
        : raw;
    qsizetype first = 0;
    while (first < text.size() && !needsShowing(text.at(first).unicode()))
        ++first;
    if (first == text.size())
        return text;
    QString shown = text.left(first);
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!needsShowing(c))
            shown += text.at(i);
        else if (c == u'\n' && lineBreaks == LineBreaks::Symbol)
            shown += QStringLiteral(" \u21b5 ");
        else if (c == u'\n')
            shown += lineBreaks == LineBreaks::Keep ? QChar(u'\n') : QChar(QChar::LineSeparator);
        else if (c < 0x20)
            shown += QLatin1Char('^') + QChar(char16_t(c + 0x40));
        else if (c == 0x7f)
            shown += QStringLiteral("^?");
        else
            shown += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
    }
    return shown;
}

} // namespace AuthStudio::VisibleText
