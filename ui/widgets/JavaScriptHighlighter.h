// JavaScriptHighlighter: colours JavaScript step code: keywords, strings (including template literals),
// numbers and comments, with block comments and template literals spanning lines. Colours are picked for
// the palette's base colour, so they read on light and dark themes; setPalette() follows theme changes.
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace AuthStudio {

class JavaScriptHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JavaScriptHighlighter(QTextDocument *document);

    void setPalette(const QPalette &palette);

    // The formats in use, for tests and for previews of the theme.
    QTextCharFormat keywordFormat() const { return m_keyword; }
    QTextCharFormat stringFormat() const { return m_string; }
    QTextCharFormat numberFormat() const { return m_number; }
    QTextCharFormat commentFormat() const { return m_comment; }

protected:
    void highlightBlock(const QString &text) override;

private:
    // What a line ends inside, carried to the next line as the block state.
    enum State { Normal = 0, InBlockComment = 1, InTemplateLiteral = 2 };

    void updateFormats(const QPalette &palette);

    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace AuthStudio
