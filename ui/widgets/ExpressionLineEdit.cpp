#include "ExpressionLineEdit.h"

#include "ExpressionMarks.h"
#include "LastRunValue.h"
#include "NameCompleter.h"
#include "TemplateAnalysis.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionFrame>
#include <QToolTip>

namespace AuthStudio {

ExpressionLineEdit::ExpressionLineEdit(QWidget *parent)
    : ExpressionLineEdit(QString(), parent)
{ }

ExpressionLineEdit::ExpressionLineEdit(const QString &text, QWidget *parent)
    : QLineEdit(text, parent)
    , m_completer(new NameCompleter(this))
{
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &ExpressionLineEdit::insertCompletion);
    connect(this, &QLineEdit::textChanged, this, &ExpressionLineEdit::analyse);
    connect(this, &QLineEdit::textEdited, this, &ExpressionLineEdit::onTextEdited);
    analyse();
}

void ExpressionLineEdit::setKnownNames(const KnownNames &names)
{
    const QStringList all = names.all();
    m_completer->setNames(names);
    m_lastRun = names.lastRun;
    if (m_checkNames && all == m_knownNames && names.members == m_knownFields)
        return;
    m_knownNames = all;
    m_knownFields = names.members;
    m_checkNames = true;
    analyse();
}

void ExpressionLineEdit::analyse()
{
    // A disabled field isn't in use (a lifetime while refresh is off): its names aren't called unknown.
    const bool checkNames = m_checkNames && isEnabled();
    TemplateAnalysis analysis =
        TemplateAnalysis::of(text(), checkNames ? &m_knownNames : nullptr, m_knownFields);
    m_expressionRanges = std::move(analysis.expressions);
    m_unknownRanges = std::move(analysis.unknownNameRanges);
    m_unknownNames = std::move(analysis.unknownNames);
    // Empty text is checked too: a field that must not be empty says so.
    if (analysis.diagnostic.isEmpty() && m_textCheck && isEnabled()) {
        analysis.diagnostic = m_textCheck(text());
        if (!analysis.diagnostic.isEmpty() && !text().isEmpty()) {
            const int written =
                m_expressionRanges.isEmpty() ? int(text().size()) : m_expressionRanges.first().start;
            m_unknownRanges.append({0, written});
        }
    }
    if (analysis.diagnostic != m_diagnostic) {
        m_diagnostic = analysis.diagnostic;
        setAccessibleDescription(m_diagnostic);
        Q_EMIT diagnosticChanged(m_diagnostic);
    }
    update();
}

void ExpressionLineEdit::setTextCheck(std::function<QString(const QString &)> check)
{
    m_textCheck = std::move(check);
    analyse();
}

void ExpressionLineEdit::onTextEdited()
{
    showCompletions();
}

void ExpressionLineEdit::showCompletions()
{
    m_completer->popUpAt(text().left(cursorPosition()), cursorRect());
}

void ExpressionLineEdit::insertCompletion(const QString &name)
{
    const auto insertion =
        m_completer->insertion(text().left(cursorPosition()), text().mid(cursorPosition()), name);
    if (!insertion)
        return;
    // Through the editing API rather than setText(), so the insertion is one undo step.
    setSelection(insertion->start, cursorPosition() - insertion->start);
    insert(insertion->text);
    cursorBackward(false, insertion->cursorBack);
    m_completer->popup()->hide();
}

int ExpressionLineEdit::xForPosition(int position) const
{
    // QLineEdit tells where its cursor is drawn (scrolling included) but not where other characters are;
    // they are at the cursor's x plus the width of the text between them.
    const QRect cursor = cursorRect();
    const int cursorX = cursor.x() + cursor.width() / 2;
    const QFontMetrics metrics = fontMetrics();
    const QString shown = displayText();
    return cursorX + metrics.horizontalAdvance(shown.left(position)) -
        metrics.horizontalAdvance(shown.left(cursorPosition()));
}

void ExpressionLineEdit::paintEvent(QPaintEvent *event)
{
    QLineEdit::paintEvent(event);
    if (m_expressionRanges.isEmpty() && m_diagnostic.isEmpty())
        return;
    QPainter painter(this);
    QStyleOptionFrame option;
    initStyleOption(&option);
    const QRect contents = style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
    painter.setClipRect(contents);

    const QRect cursor = cursorRect();
    for (const Range &range : std::as_const(m_expressionRanges)) {
        const int left = xForPosition(range.start);
        const int right = xForPosition(range.start + range.length);
        ExpressionMarks::paintTint(
            &painter, QRectF(left, cursor.top() + 1, right - left, cursor.height() - 2), palette());
    }
    for (const Range &range : std::as_const(m_unknownRanges)) {
        ExpressionMarks::paintUnderline(&painter, xForPosition(range.start),
                                        xForPosition(range.start + range.length), cursor.bottom() - 1);
    }
    if (!m_diagnostic.isEmpty())
        ExpressionMarks::paintCornerFlag(&painter, rect());
}

void ExpressionLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->takesKey(event, [this] { showCompletions(); }))
        return;
    QLineEdit::keyPressEvent(event);
}

QString ExpressionLineEdit::lastRunValue() const
{
    return m_expressionRanges.isEmpty() ? QString() : LastRunValue::of(text(), m_lastRun, m_knownNames);
}

bool ExpressionLineEdit::event(QEvent *event)
{
    if (event->type() == QEvent::EnabledChange)
        analyse();
    if (event->type() == QEvent::ToolTip) {
        QStringList tip;
        if (!m_diagnostic.isEmpty())
            tip.append(m_diagnostic);
        const QString value = lastRunValue();
        if (!value.isNull())
            tip.append(LastRunValue::describe(value));
        if (!tip.isEmpty()) {
            if (!toolTip().isEmpty())
                tip.append(toolTip());
            QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                               tip.join(QStringLiteral("\n\n")), this);
            return true;
        }
    }
    return QLineEdit::event(event);
}

} // namespace AuthStudio
