#include "ExpressionLineEdit.h"

#include "LastRunValue.h"
#include "NameCompleter.h"
#include "StudioColors.h"
#include "TemplateAnalysis.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
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
    TemplateAnalysis analysis =
        TemplateAnalysis::of(text(), m_checkNames ? &m_knownNames : nullptr, m_knownFields);
    m_expressionRanges = std::move(analysis.expressions);
    m_unknownRanges = std::move(analysis.unknownNameRanges);
    m_unknownNames = std::move(analysis.unknownNames);
    if (analysis.diagnostic != m_diagnostic) {
        m_diagnostic = analysis.diagnostic;
        setAccessibleDescription(m_diagnostic);
        Q_EMIT diagnosticChanged(m_diagnostic);
    }
    update();
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
    painter.setRenderHint(QPainter::Antialiasing);
    QStyleOptionFrame option;
    initStyleOption(&option);
    const QRect contents = style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
    painter.setClipRect(contents);

    const QRect cursor = cursorRect();
    const QColor tint = StudioColors::expressionTint(palette());
    for (const Range &range : std::as_const(m_expressionRanges)) {
        const int left = xForPosition(range.start);
        const int right = xForPosition(range.start + range.length);
        painter.setPen(Qt::NoPen);
        painter.setBrush(tint);
        painter.drawRoundedRect(QRectF(left, cursor.top() + 1, right - left, cursor.height() - 2), 3, 3);
    }

    painter.setPen(QPen(StudioColors::error(), 1.2));
    painter.setBrush(Qt::NoBrush);
    const int baseline = cursor.bottom() - 1;
    for (const Range &range : std::as_const(m_unknownRanges)) {
        const int left = xForPosition(range.start);
        const int right = xForPosition(range.start + range.length);
        // The wavy underline people know from spell checkers.
        QPainterPath wave(QPointF(left, baseline));
        bool up = true;
        for (int x = left + 2; x <= right + 1; x += 2, up = !up)
            wave.lineTo(x, up ? baseline - 2 : baseline);
        painter.drawPath(wave);
    }

    if (!m_diagnostic.isEmpty()) {
        // A corner flag, so the problem shows even when the name is scrolled out of view.
        painter.setClipping(false);
        painter.setPen(Qt::NoPen);
        painter.setBrush(StudioColors::error());
        const int size = 7;
        const QPointF corner[] = {{qreal(width() - size - 1), 1.0},
                                  {qreal(width() - 1), 1.0},
                                  {qreal(width() - 1), qreal(size + 1)}};
        painter.drawPolygon(corner, 3);
    }
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
