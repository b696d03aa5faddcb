#include "TemplateHighlighter.h"

#include "ExpressionMarks.h"
#include "StudioColors.h"
#include "TemplateAnalysis.h"

#include <QEvent>
#include <QPlainTextEdit>

namespace AuthStudio {

TemplateHighlighter::TemplateHighlighter(QPlainTextEdit *editor)
    : QSyntaxHighlighter(editor)
    , m_editor(editor)
{
    updateFormats();
    setDocument(editor->document());
    editor->installEventFilter(this);
}

void TemplateHighlighter::setKnownNames(const QStringList &names, const QHash<QString, QStringList> &fields)
{
    if (m_checkNames && names == m_knownNames && fields == m_knownFields)
        return;
    m_knownNames = names;
    m_knownFields = fields;
    m_checkNames = true;
    rehighlight();
}

void TemplateHighlighter::updateFormats()
{
    m_expression = QTextCharFormat();
    m_expression.setBackground(StudioColors::expressionTint(m_editor->palette()));
    m_unknownName = m_expression;
    m_unknownName.merge(ExpressionMarks::unknownNameFormat());
}

void TemplateHighlighter::highlightBlock(const QString &text)
{
    // A line inside an expression opened on an earlier one is read as if the "{{" were in front of it.
    const int shift = previousBlockState() == InExpression ? 2 : 0;
    const QString source = shift ? QStringLiteral("{{") + text : text;
    const TemplateAnalysis analysis = TemplateAnalysis::of(source, knownNames(), m_knownFields);
    const auto apply = [&](const TemplateAnalysis::Range &range, const QTextCharFormat &format) {
        const int start = qMax(0, range.start - shift);
        const int end = range.start + range.length - shift;
        if (end > start)
            setFormat(start, end - start, format);
    };
    for (const TemplateAnalysis::Range &range : analysis.expressions)
        apply(range, m_expression);
    for (const TemplateAnalysis::Range &range : analysis.unknownNameRanges)
        apply(range, m_unknownName);
    setCurrentBlockState(analysis.unclosedAt >= 0 ? InExpression : Normal);
}

bool TemplateHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::PaletteChange) {
        updateFormats();
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

} // namespace AuthStudio
