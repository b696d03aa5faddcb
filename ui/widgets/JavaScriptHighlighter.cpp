#include "JavaScriptHighlighter.h"

#include "StudioColors.h"
#include "script/JavaScriptIdentifier.h"

#include <QGuiApplication>
#include <QSet>

namespace AuthStudio {

namespace {

const QSet<QString> &keywords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        const char *const list[] = {"async",     "await",    "break",    "case",    "catch",      "class",
                                    "const",     "continue", "debugger", "default", "delete",     "do",
                                    "else",      "export",   "extends",  "false",   "finally",    "for",
                                    "function",  "if",       "import",   "in",      "instanceof", "let",
                                    "new",       "null",     "of",       "return",  "static",     "super",
                                    "switch",    "this",     "throw",    "true",    "try",        "typeof",
                                    "undefined", "var",      "void",     "while",   "with",       "yield"};
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

// Finds where a string or template literal opened with `quote` ends on this line, from `from`; -1 when
// it runs on past the line.
qsizetype findStringEnd(const QString &text, qsizetype from, QChar quote)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == u'\\')
            ++i;
        else if (text.at(i) == quote)
            return i;
    }
    return -1;
}

} // namespace

JavaScriptHighlighter::JavaScriptHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    updateFormats(QGuiApplication::palette());
}

void JavaScriptHighlighter::setPalette(const QPalette &palette)
{
    updateFormats(palette);
    rehighlight();
}

void JavaScriptHighlighter::updateFormats(const QPalette &palette)
{
    // Two hand-picked sets rather than computed hues: each is checked for contrast against its kind of base.
    const bool dark = StudioColors::isDark(palette);
    m_keyword = {};
    m_keyword.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x33, 0xb3));
    m_keyword.setFontWeight(QFont::Bold);
    m_string = {};
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0x06, 0x7d, 0x17));
    m_number = {};
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x17, 0x50, 0xeb));
    m_comment = {};
    m_comment.setForeground(dark ? QColor(0x8c, 0x9a, 0x8c) : QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
}

void JavaScriptHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;

    // Continue what the previous line left open.
    switch (previousBlockState()) {
    case InBlockComment: {
        const qsizetype end = text.indexOf(QStringLiteral("*/"));
        if (end < 0) {
            setFormat(0, int(n), m_comment);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, int(end + 2), m_comment);
        i = end + 2;
        break;
    }
    case InTemplateLiteral: {
        const qsizetype end = findStringEnd(text, 0, u'`');
        if (end < 0) {
            setFormat(0, int(n), m_string);
            setCurrentBlockState(InTemplateLiteral);
            return;
        }
        setFormat(0, int(end + 1), m_string);
        i = end + 1;
        break;
    }
    default:
        break;
    }
    setCurrentBlockState(Normal);

    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if (c == u'/' && next == u'/') {
            setFormat(int(i), int(n - i), m_comment);
            return;
        }
        if (c == u'/' && next == u'*') {
            const qsizetype end = text.indexOf(QStringLiteral("*/"), i + 2);
            if (end < 0) {
                setFormat(int(i), int(n - i), m_comment);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(int(i), int(end + 2 - i), m_comment);
            i = end + 2;
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            const qsizetype end = findStringEnd(text, i + 1, c);
            if (end < 0) {
                setFormat(int(i), int(n - i), m_string);
                // Only template literals may span lines; an unclosed quote ends with its line.
                if (c == u'`')
                    setCurrentBlockState(InTemplateLiteral);
                return;
            }
            setFormat(int(i), int(end + 1 - i), m_string);
            i = end + 1;
        } else if (c.isDigit() || (c == u'.' && next.isDigit())) {
            const qsizetype start = i;
            // Covers 42, 3.14, 1e-3, 0xff, 1_000 and 10n; precise enough for colouring.
            while (i < n &&
                   (text.at(i).isLetterOrNumber() || text.at(i) == u'.' || text.at(i) == u'_' ||
                    ((text.at(i) == u'-' || text.at(i) == u'+') &&
                     (text.at(i - 1) == u'e' || text.at(i - 1) == u'E'))))
                ++i;
            setFormat(int(start), int(i - start), m_number);
        } else if (JavaScriptIdentifier::isStart(c)) {
            const qsizetype start = i;
            while (i < n && JavaScriptIdentifier::isPart(text.at(i)))
                ++i;
            // A property named like a keyword (obj.default) is not a keyword.
            const bool isProperty = start > 0 && text.at(start - 1) == u'.';
            if (!isProperty && keywords().contains(text.mid(start, i - start)))
                setFormat(int(start), int(i - start), m_keyword);
        } else {
            ++i;
        }
    }
}

} // namespace AuthStudio
