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

// Adds a run of straight lines through `points` to `path`, closed into a shape when asked.
void addLines(QPainterPath &path, std::initializer_list<QPointF> points, bool closed = false)
{
    path.moveTo(*points.begin());
    for (auto point = points.begin() + 1; point != points.end(); ++point)
        path.lineTo(*point);
    if (closed)
        path.closeSubpath();
}

QPainterPath disk(qreal size)
{
    const qreal end = 1.5 + size;
    QPainterPath path;
    addLines(path, {{1.5, 1.5}, {end - 2.5, 1.5}, {end, 4.0}, {end, end}, {1.5, end}}, true);
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
    addLines(path, {{6.5, 2.5}, {3.5, 5.5}, {6.5, 8.5}});
    return path;
}

QPainterPath upArrow()
{
    QPainterPath path;
    addLines(path, {{8.0, 14.0}, {8.0, 2.5}});
    addLines(path, {{3.5, 7.0}, {8.0, 2.5}, {12.5, 7.0}});
    return path;
}

// Two chevrons pointing right: a tool bar's overflow button (MoreDown turns it).
QPainterPath doubleChevron()
{
    QPainterPath path;
    addLines(path, {{3.0, 3.0}, {7.5, 8.0}, {3.0, 13.0}});
    addLines(path, {{8.5, 3.0}, {13.0, 8.0}, {8.5, 13.0}});
    return path;
}

QPainterPath glyphPath(ActionIconEngine::Glyph glyph)
{
    using Glyph = ActionIconEngine::Glyph;
    QPainterPath path;
    switch (glyph) {
    case Glyph::New: // a page with a folded corner
        addLines(path, {{3.5, 1.5}, {9.5, 1.5}, {12.5, 4.5}, {12.5, 14.5}, {3.5, 14.5}}, true);
        addLines(path, {{9.5, 1.5}, {9.5, 4.5}, {12.5, 4.5}});
        break;
    case Glyph::Open: // a folder, open
        addLines(path, {{1.5, 13.5}, {1.5, 3.0}, {6.0, 3.0}, {7.5, 4.5}, {13.0, 4.5}, {13.0, 7.0}});
        addLines(path, {{1.5, 13.5}, {4.0, 7.0}, {15.0, 7.0}, {12.5, 13.5}}, true);
        break;
    case Glyph::Save:
        path = disk(13.0);
        break;
    case Glyph::SaveAs: // a smaller disk and a pencil
        path = disk(10.5);
        addLines(path, {{8.5, 14.5}, {9.0, 12.0}, {14.0, 7.0}, {15.5, 8.5}, {10.5, 13.5}}, true);
        break;
    case Glyph::Quit: // a door and an arrow out of it
        addLines(path, {{9.5, 5.0}, {9.5, 1.5}, {2.0, 1.5}, {2.0, 14.5}, {9.5, 14.5}, {9.5, 11.0}});
        addLines(path, {{6.0, 8.0}, {14.5, 8.0}});
        addLines(path, {{11.5, 5.0}, {14.5, 8.0}, {11.5, 11.0}});
        break;
    case Glyph::Undo:
        path = turningArrow();
        break;
    case Glyph::Redo:
        path = QTransform(-1, 0, 0, 1, Grid, 0).map(turningArrow());
        break;
    case Glyph::Add:
    case Glyph::Remove: // drawn by drawGlyph()
        break;
    case Glyph::Duplicate: // a page behind another
        addLines(path, {{4.5, 11.5}, {1.5, 11.5}, {1.5, 1.5}, {10.5, 1.5}, {10.5, 4.5}});
        path.addRect(QRectF(5.5, 4.5, 9.0, 10.0));
        break;
    case Glyph::Delete: // a cross
        addLines(path, {{3.5, 3.5}, {12.5, 12.5}});
        addLines(path, {{12.5, 3.5}, {3.5, 12.5}});
        break;
    case Glyph::Run: // a triangle, filled by drawGlyph()
        addLines(path, {{4.0, 2.0}, {13.5, 8.0}, {4.0, 14.0}}, true);
        break;
    case Glyph::MoveUp:
        path = upArrow();
        break;
    case Glyph::MoveDown:
        path = QTransform(1, 0, 0, -1, 0, Grid).map(upArrow());
        break;
    case Glyph::MoreRight:
        path = doubleChevron();
        break;
    case Glyph::MoreDown:
        path = QTransform(0, 1, 1, 0, 0, 0).map(doubleChevron());
        break;
    // These two stay within the middle of the grid, as big as each other (see actualSize()).
    case Glyph::Float: // a window in front of another
        addLines(path, {{6.5, 6.5}, {6.5, 4.5}, {11.5, 4.5}, {11.5, 9.5}, {9.5, 9.5}});
        path.addRect(QRectF(4.5, 6.5, 5.0, 5.0));
        break;
    case Glyph::Close: // a small cross
        addLines(path, {{4.5, 4.5}, {11.5, 11.5}});
        addLines(path, {{11.5, 4.5}, {4.5, 11.5}});
        break;
    }
    return path;
}

void drawGlyph(QPainter *painter, ActionIconEngine::Glyph glyph)
{
    using Glyph = ActionIconEngine::Glyph;
    if (glyph == Glyph::Add || glyph == Glyph::Remove) {
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
    if (glyph == Glyph::Run)
        painter->setBrush(painter->pen().color());
    painter->drawPath(glyphPath(glyph));
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
    // Thicker lines at small sizes keep the glyph as dark as the text beside it; never thinner than a
    // pixel, or the small ones (a tool bar's overflow button) blur.
    QPen pen(glyphColour(mode), qMax(side <= 16 ? 1.5 : 1.25, Grid / side));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    drawGlyph(painter, m_glyph);
    painter->restore();
}

QSize ActionIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    if (m_glyph != Glyph::Float && m_glyph != Glyph::Close)
        return QIconEngine::actualSize(size, mode, state);
    // Drawn in the middle of the pixmap asked for, which a dock's title button centres on itself; the
    // button's size follows this one.
    const qreal scale = qMin(size.width(), size.height()) / Grid;
    const int side = qRound(SmallGlyphSize.width() * scale);
    return QSize(side, side);
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
