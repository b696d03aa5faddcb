// LongWordWrapper: keeps a word-wrapping QPlainTextEdit responsive when its text holds a very long word
// (a Base64 blob, a minified value, a token thousands of characters long). Qt's default wrapping,
// WrapAtWordBoundaryOrAnywhere, looks for a word boundary to the end of the word for every line the word
// takes, so a word's layout time grows with its length squared: 200 000 characters took 9.7 s, and froze
// the window. While the text has such a word the edit breaks lines anywhere (0.13 s for the same text),
// and goes back to breaking at word boundaries when it is gone.
#pragma once

#include <QObject>
#include <QStringView>
#include <QTextOption>

class QPlainTextEdit;

namespace AuthStudio {

class LongWordWrapper : public QObject
{
public:
    // Words up to this long wrap at word boundaries: laying one out costs about as much as the lines it
    // takes.
    static constexpr qsizetype LongestWord = 2000;

    // Watches `edit`, which owns it.
    explicit LongWordWrapper(QPlainTextEdit *edit);

    // Whether `text` has a run of more than `longest` characters without white space.
    static bool hasLongWord(QStringView text, qsizetype longest = LongestWord);

    // Shows `text` in `edit` (which has a wrapper), as QPlainTextEdit::setPlainText() does. Typed, pasted
    // or inserted text reaches the wrapper before it is laid out; setPlainText() lays its text out first,
    // as it selects it whole to give it the edit's format: 3.3 s for one 200 000-character word.
    static void setPlainText(QPlainTextEdit *edit, const QString &text);

private:
    static QTextOption::WrapMode modeFor(bool longWord);
    // What the document's contentsChange says changed.
    void update(int position, int removed, int added);

    QPlainTextEdit *m_edit;
};

} // namespace AuthStudio
