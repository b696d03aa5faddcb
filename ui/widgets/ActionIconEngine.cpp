#include "ActionIconEngine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace AuthStudio {

namespace {

// Glyphs are drawn on a GlyphSize grid, scaled to the size asked for.
constexpr qreal Grid = ActionIconEngine::GlyphSize.width();

QColor glyphColour(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::ButtonText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::ButtonText);
}

QPainterPath page()
{
    QPainterPath path;
    path.moveTo(3.5, 1.5);
    path.lineTo(9.5, 1.5);
    path.lineTo(12.5, 4.5);
    path.lineTo(12.5, 14.5);
    path.lineTo(3.5, 14.5);
    path.closeSubpath();
    path.moveTo(9.5, 1.5);
    path.lineTo(9.5, 4.5);
    path.lineTo(12.5, 4.5);
    return path;
}

QPainterPath disk(qreal size)
{
    const qreal end = 1.5 + size;
    QPainterPath path;
    path.moveTo(1.5, 1.5);
    path.lineTo(end - 2.5, 1.5);
    path.lineTo(end, 4.0);
    path.lineTo(end, end);
    path.lineTo(1.5, end);
    path.closeSubpath();
    // the shutter and the label
    path.addRect(QRectF(4.0, 1.5, size - 6.5, 3.5));
    path.addRect(QRectF(4.0, end - size * 0.42, size - 5.0, size * 0.42));
    return path;
}

// A curved arrow from the lower right, turning left, for Undo (Redo mirrors it).
QPainterPath turningArrow()
{
    QPainterPath path;
    path.moveTo(13.0, 13.0);
    path.cubicTo(13.5, 8.0, 10.5, 5.5, 3.5, 5.5);
    path.moveTo(6.5, 2.5);
    path.lineTo(3.5, 5.5);
    path.lineTo(6.5, 8.5);
    return path;
}

QPainterPath upArrow()
{
    QPainterPath path;
    path.moveTo(8.0, 14.0);
    path.lineTo(8.0, 2.5);
    path.moveTo(3.5, 7.0);
    path.lineTo(8.0, 2.5);
    path.lineTo(12.5, 7.0);
    return path;
}

void drawGlyph(QPainter *painter, ActionIconEngine::Glyph glyph)
{
    using Glyph = ActionIconEngine::Glyph;
    switch (glyph) {
    case Glyph::New:
        painter->drawPath(page());
        return;
    case Glyph::Open: {
        QPainterPath folder;
        folder.moveTo(1.5, 13.5);
        folder.lineTo(1.5, 3.0);
        folder.lineTo(6.0, 3.0);
        folder.lineTo(7.5, 4.5);
        folder.lineTo(13.0, 4.5);
        folder.lineTo(13.0, 7.0);
        folder.moveTo(1.5, 13.5);
        folder.lineTo(4.0, 7.0);
        folder.lineTo(15.0, 7.0);
        folder.lineTo(12.5, 13.5);
        folder.closeSubpath();
        painter->drawPath(folder);
        return;
    }
    case Glyph::Save:
        painter->drawPath(disk(13.0));
        return;
    case Glyph::SaveAs: {
        painter->drawPath(disk(10.5));
        QPainterPath pencil;
        pencil.moveTo(8.5, 14.5);
        pencil.lineTo(9.0, 12.0);
        pencil.lineTo(14.0, 7.0);
        pencil.lineTo(15.5, 8.5);
        pencil.lineTo(10.5, 13.5);
        pencil.closeSubpath();
        painter->drawPath(pencil);
        return;
    }
    case Glyph::Quit: {
        QPainterPath door;
        door.moveTo(9.5, 5.0);
        door.lineTo(9.5, 1.5);
        door.lineTo(2.0, 1.5);
        door.lineTo(2.0, 14.5);
        door.lineTo(9.5, 14.5);
        door.lineTo(9.5, 11.0);
        door.moveTo(6.0, 8.0);
        door.lineTo(14.5, 8.0);
        door.moveTo(11.5, 5.0);
        door.lineTo(14.5, 8.0);
        door.lineTo(11.5, 11.0);
        painter->drawPath(door);
        return;
    }
    case Glyph::Undo:
        painter->drawPath(turningArrow());
        return;
    case Glyph::Redo:
        painter->drawPath(QTransform(-1, 0, 0, 1, Grid, 0).map(turningArrow()));
        return;
    case Glyph::Add:
    case Glyph::Remove: {
        // Centred on the grid line between two pixels, so two pixels wide to stay sharp.
        QPen pen = painter->pen();
        pen.setWidthF(2.0);
        pen.setCapStyle(Qt::FlatCap);
        painter->setPen(pen);
        painter->drawLine(QPointF(2.0, 8.0), QPointF(14.0, 8.0));
        if (glyph == Glyph::Add)
            painter->drawLine(QPointF(8.0, 2.0), QPointF(8.0, 14.0));
        return;
    }
    case Glyph::Duplicate: {
        QPainterPath back;
        back.moveTo(4.5, 11.5);
        back.lineTo(1.5, 11.5);
        back.lineTo(1.5, 1.5);
        back.lineTo(10.5, 1.5);
        back.lineTo(10.5, 4.5);
        painter->drawPath(back);
        painter->drawRect(QRectF(5.5, 4.5, 9.0, 10.0));
        return;
    }
    case Glyph::Delete:
        painter->drawLine(QPointF(3.5, 3.5), QPointF(12.5, 12.5));
        painter->drawLine(QPointF(12.5, 3.5), QPointF(3.5, 12.5));
        return;
    case Glyph::Run: {
        QPainterPath triangle;
        triangle.moveTo(4.0, 2.0);
        triangle.lineTo(13.5, 8.0);
        triangle.lineTo(4.0, 14.0);
        triangle.closeSubpath();
        painter->setBrush(painter->pen().color());
        painter->drawPath(triangle);
        return;
    }
    case Glyph::MoveUp:
        painter->drawPath(upArrow());
        return;
    case Glyph::MoveDown:
        painter->drawPath(QTransform(1, 0, 0, -1, 0, Grid).map(upArrow()));
        return;
    }
}

} // namespace

ActionIconEngine::ActionIconEngine(Glyph glyph)
    : m_glyph(glyph)
{ }

QIcon ActionIconEngine::icon(Glyph glyph)
{
    return QIcon(new ActionIconEngine(glyph)); // QIcon owns its engine
}

void ActionIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const qreal side = qMin(rect.width(), rect.height());
    if (side <= 0)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
    painter->scale(side / Grid, side / Grid);
    // Thicker lines at small sizes keep the glyph as dark as the text beside it.
    QPen pen(glyphColour(mode), side <= 16 ? 1.5 : 1.25);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    drawGlyph(painter, m_glyph);
    painter->restore();
}

QPixmap ActionIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

// QIcon passes the size in device pixels already and sets the pixmap's device pixel ratio itself.
QPixmap ActionIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    if (pixmap.isNull())
        return pixmap;
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(0, 0), pixmap.size()), mode, state);
    painter.end();
    return pixmap;
}

QIconEngine *ActionIconEngine::clone() const
{
    return new ActionIconEngine(m_glyph);
}

QString ActionIconEngine::key() const
{
    return QStringLiteral("AuthStudio::ActionIconEngine");
}

} // namespace AuthStudio
