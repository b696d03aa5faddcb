#include "ExpressionMarks.h"

#include "StudioColors.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace AuthStudio {

void ExpressionMarks::paintTint(QPainter *painter, const QRectF &expression, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(StudioColors::expressionTint(palette));
    painter->drawRoundedRect(expression, 3, 3);
    painter->restore();
}

void ExpressionMarks::paintSelectedTint(QPainter *painter, const QRectF &expression, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor edge = palette.color(QPalette::HighlightedText);
    edge.setAlpha(140);
    painter->setPen(QPen(edge, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(expression.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    painter->restore();
}

void ExpressionMarks::paintUnderline(QPainter *painter, qreal left, qreal right, qreal baseline)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(StudioColors::error(), 1.2));
    painter->setBrush(Qt::NoBrush);
    // The wavy underline people know from spell checkers.
    QPainterPath wave(QPointF(left, baseline));
    bool up = true;
    for (qreal x = left + 2; x <= right + 1; x += 2, up = !up)
        wave.lineTo(x, up ? baseline - 2 : baseline);
    painter->drawPath(wave);
    painter->restore();
}

void ExpressionMarks::paintCornerFlag(QPainter *painter, const QRect &box)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipping(false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(StudioColors::error());
    const qreal size = 7;
    const qreal right = box.right();
    const qreal top = box.top() + 1;
    const QPointF corner[] = {{right - size, top}, {right, top}, {right, top + size}};
    painter->drawPolygon(corner, 3);
    painter->restore();
}

QTextCharFormat ExpressionMarks::unknownNameFormat()
{
    // Red text as well as the wavy underline, which Qt draws thin at text sizes.
    const QColor error = StudioColors::error();
    QTextCharFormat format;
    format.setForeground(error);
    format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    format.setUnderlineColor(error);
    return format;
}

} // namespace AuthStudio
