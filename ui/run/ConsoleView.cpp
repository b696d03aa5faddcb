#include "ConsoleView.h"

#include "script/SecretMasker.h"
#include "script/VisibleText.h"
#include "widgets/LongWordWrapper.h"
#include "widgets/StudioColors.h"
#include "widgets/StudioFonts.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace AuthStudio {

ConsoleView::ConsoleView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    m_title->setObjectName(QStringLiteral("consoleTitle"));
    m_title->setTextFormat(Qt::PlainText);

    m_text->setObjectName(QStringLiteral("consoleText"));
    m_text->setAccessibleName(tr("Console"));
    m_text->setToolTip(tr("What the run's JavaScript steps wrote with console.log(), info(), warn(), error() "
                          "and debug(), secrets masked; select a step in the run log to find its lines"));
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTabChangesFocus(true); // nothing to indent in read-only text: Tab goes on
    m_text->setFont(StudioFonts::monospace());
    new LongWordWrapper(m_text); // a script that logs a long string (owned by the view)

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    clear();
}

void ConsoleView::setSteps(const QList<StepResult> &steps, const QSet<QString> &secrets)
{
    m_text->clear();
    m_spans.clear();
    m_lineCount = 0;
    const SecretMasker masker(secrets);
    const QColor dimmed = palette().color(QPalette::PlaceholderText);
    QTextCursor cursor(m_text->document());
    cursor.beginEditBlock();
    // A hanging indent: the rows a line break in a logged text starts are set in, so they can't pass for
    // lines of their own (QA pass 26).
    QTextBlockFormat hanging;
    const qreal indent = m_text->fontMetrics().horizontalAdvance(QStringLiteral("    "));
    hanging.setLeftMargin(indent);
    hanging.setTextIndent(-indent);
    for (const StepResult &step : steps) {
        if (step.console.isEmpty())
            continue;
        m_spans.insert(step.index, {m_lineCount, int(step.console.size())});
        for (const ConsoleLine &line : step.console) {
            QTextCharFormat format;
            if (line.level == ConsoleLine::Level::Error)
                format.setForeground(StudioColors::error(m_text->palette()));
            else if (line.level == ConsoleLine::Level::Warn)
                format.setForeground(StudioColors::warning(m_text->palette()));
            else if (line.level == ConsoleLine::Level::Debug)
                format.setForeground(dimmed);
            if (m_lineCount > 0)
                cursor.insertBlock(hanging);
            else
                cursor.setBlockFormat(hanging);
            // One console line, one block (markStep counts them): a '\n' in it breaks the line inside its
            // block; a CR or an escape shows rather than acts, and a right-to-left override can't turn
            // what follows around unseen (QA pass 25).
            cursor.insertText(VisibleText::of(line.masked(masker).toText(), VisibleText::LineBreaks::InLine),
                              format);
            ++m_lineCount;
        }
    }
    cursor.endEditBlock();
    m_title->setText(m_lineCount == 1 ? tr("Console (1 line)") : tr("Console (%1 lines)").arg(m_lineCount));
    markStep(m_markedStep);
}

void ConsoleView::clear()
{
    setSteps({}, {});
}

QString ConsoleView::text() const
{
    return m_text->toPlainText();
}

void ConsoleView::markStep(int stepIndex)
{
    m_markedStep = stepIndex;
    QList<QTextEdit::ExtraSelection> marks;
    const auto span = m_spans.constFind(stepIndex);
    if (span != m_spans.constEnd()) {
        // Opaque, as the marks of a line overlap.
        const QColor base = palette().color(QPalette::Base);
        const QColor highlight = palette().color(QPalette::Highlight);
        const auto mix = [](int a, int b) { return (a * 4 + b) / 5; };
        QTextCharFormat format;
        format.setBackground(QColor(mix(base.red(), highlight.red()), mix(base.green(), highlight.green()),
                                    mix(base.blue(), highlight.blue())));
        format.setProperty(QTextFormat::FullWidthSelection, true);
        for (int i = 0; i < span->blockCount; ++i) {
            const QTextBlock block = m_text->document()->findBlockByNumber(span->firstBlock + i);
            const int end = block.position() + block.length() - 1;
            // A line's text, the width of the view where it wraps; then its last row, which the text's
            // mark leaves at the text's width, across.
            QTextEdit::ExtraSelection text;
            text.cursor = QTextCursor(block);
            text.cursor.setPosition(end, QTextCursor::KeepAnchor);
            text.format = format;
            QTextEdit::ExtraSelection lastRow;
            lastRow.cursor = QTextCursor(block);
            lastRow.cursor.setPosition(end);
            lastRow.format = format;
            marks << text << lastRow;
        }
        // Its last line first, then its first: the whole step is in view when it fits.
        m_text->setTextCursor(marks.constLast().cursor);
        m_text->ensureCursorVisible();
        m_text->setTextCursor(QTextCursor(marks.constFirst().cursor.block()));
        m_text->ensureCursorVisible();
    }
    m_text->setExtraSelections(marks);
}

QStringList ConsoleView::markedLines() const
{
    QStringList lines;
    const auto span = m_spans.constFind(m_markedStep);
    if (span == m_spans.constEnd())
        return lines;
    for (int i = 0; i < span->blockCount; ++i)
        lines.append(m_text->document()->findBlockByNumber(span->firstBlock + i).text());
    return lines;
}

} // namespace AuthStudio
