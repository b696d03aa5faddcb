#include "StudioStyle.h"

#include <QGroupBox>
#include <QPainter>
#include <QStyleOptionMenuItem>
#include <qdrawutil.h>

#include <functional>

namespace AuthStudio {

namespace {

// How far apart in lightness (0 to 1) a placeholder must be from the base it is drawn on to be read.
// Qt's own on white is 0.5 apart.
constexpr qreal MinPlaceholderContrast = 0.25;

// Why some of Fusion's parts are drawn in pieces. Qt 6.4's raster engine hands any run of 96 spans or more
// (the pixels of a translucent line, the rows of a translucent or gradient fill) to its thread pool and
// waits for it. For the few pixels of a frame's line, waking the pool's threads costs far more than the
// drawing: on 2 cores, the studio's first frame made 195 such hand-overs, 3.4 ms of it (measured with Qt's
// pool bypassed). Fusion draws such lines and fills along tool bars, tab and line edit frames and header
// sections, and the studio's group box frame is such a fill. Drawn once per piece, clipped to it, no run
// is longer than a piece, and these parts come out to the same pixels (tst_widgets compares them). Scroll
// bars have such runs too, but Fusion draws their outlines differently under a clip, so they are left be.
//
// The longest run a piece may hold, in device pixels: under the 96 at which Qt hands over.
constexpr int LongestRun = 90;

// `run` device pixels in the painter's logical ones.
int logicalRun(const QPainter *painter, int run)
{
    return qMax(1, int(run / painter->device()->devicePixelRatioF()));
}

// Calls `draw` once for each piece of `area`, at most `across` wide and `down` tall, clipped to it.
void drawInPieces(QPainter *painter, const QRect &area, int across, int down,
                  const std::function<void()> &draw)
{
    for (int y = area.top(); y <= area.bottom(); y += down) {
        for (int x = area.left(); x <= area.right(); x += across) {
            painter->save();
            painter->setClipRect(QRect(x, y, across, down) & area, Qt::IntersectClip);
            draw();
            painter->restore();
        }
    }
}

// A frame whose lines run along its edges, `edge` thick: the edges in pieces along them, the inside in
// bands. Where two edges meet, a piece holds a line's run plus the few pixels of the other edge's.
void drawFrameInPieces(QPainter *painter, const QRect &frame, int edge, const std::function<void()> &draw)
{
    const int run = logicalRun(painter, LongestRun) - edge;
    const QRect inside = frame.adjusted(edge, edge, -edge, -edge);
    if (inside.isEmpty()) {
        drawInPieces(painter, frame, run, run, draw);
        return;
    }
    drawInPieces(painter, QRect(frame.left(), frame.top(), frame.width(), edge), run, edge, draw);
    drawInPieces(painter, QRect(frame.left(), inside.bottom() + 1, frame.width(), edge), run, edge, draw);
    drawInPieces(painter, QRect(frame.left(), inside.top(), edge, inside.height()), edge, run, draw);
    drawInPieces(painter, QRect(inside.right() + 1, inside.top(), edge, inside.height()), edge, run, draw);
    drawInPieces(painter, inside, inside.width(), run, draw);
}

// A part long one way and short the other, whose lines run along it as lines of their own: pieces across
// its length.
void drawAlongInPieces(QPainter *painter, const QRect &area, bool horizontal, int run,
                       const std::function<void()> &draw)
{
    const int piece = logicalRun(painter, run);
    if (horizontal)
        drawInPieces(painter, area, piece, area.height(), draw);
    else
        drawInPieces(painter, area, area.width(), piece, draw);
}

} // namespace

StudioStyle::StudioStyle(const QString &baseKey)
    : QProxyStyle(baseKey)
    , m_baseIsFusion(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
{ }

void StudioStyle::polish(QPalette &palette)
{
    QProxyStyle::polish(palette);
    // A theme whose palette has no placeholder colour (KDE's, read from kdeglobals) leaves Qt 6.4's
    // default, black at half opacity: on a dark base, hints such as "Filter resources" and the demo's
    // dimmed file values all but vanished. Such a placeholder is derived from the text colour instead, as
    // later Qt versions do.
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const QColor base = palette.color(group, QPalette::Base);
        const QColor placeholder = palette.color(group, QPalette::PlaceholderText);
        const qreal alpha = placeholder.alphaF();
        const QColor shown = QColor::fromRgbF(placeholder.redF() * alpha + base.redF() * (1 - alpha),
                                              placeholder.greenF() * alpha + base.greenF() * (1 - alpha),
                                              placeholder.blueF() * alpha + base.blueF() * (1 - alpha));
        if (qAbs(shown.lightnessF() - base.lightnessF()) >= MinPlaceholderContrast)
            continue;
        QColor derived = palette.color(group, QPalette::Text);
        derived.setAlphaF(0.5);
        palette.setColor(group, QPalette::PlaceholderText, derived);
    }
}

void StudioStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                const QWidget *widget) const
{
    if (m_baseIsFusion && element == PE_FrameTabWidget) {
        // An outline and a translucent highlight just inside it, and a translucent shadow below.
        drawFrameInPieces(painter, option->rect, 3,
                          [&] { QProxyStyle::drawPrimitive(element, option, painter, widget); });
        return;
    }
    if (m_baseIsFusion && element == PE_FrameLineEdit) {
        // An opaque outline, and a translucent shadow along the top as a line of its own.
        drawAlongInPieces(painter, option->rect, true, LongestRun,
                          [&] { QProxyStyle::drawPrimitive(element, option, painter, widget); });
        return;
    }
    if (element != PE_FrameGroupBox || !m_baseIsFusion) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Where Fusion puts the frame: below the title, if any (Qt 6.4's QFusionStyle::drawPrimitive).
    constexpr int FusionGroupBoxTopMargin = 3;
    const auto *box = qobject_cast<const QGroupBox *>(widget);
    const int topMargin = (box && !box->isCheckable() && box->title().isEmpty())
        ? FusionGroupBoxTopMargin
        : qMax(proxy()->pixelMetric(PM_ExclusiveIndicatorHeight), option->fontMetrics.height()) +
            FusionGroupBoxTopMargin;
    // What fusion_groupbox.png holds, stretched over that: a clear first row and column, then a 20% grey
    // outline with rounded corners around a faint shade, a little deeper along its inner edge. Drawn once,
    // small, and stretched as Fusion stretches its image: an antialiased rounded rectangle filled over a
    // whole page cost about 2 ms of the first frame.
    // Its stretched sides and middle are translucent fills as tall as the box: drawn in bands.
    const QRect frame = option->rect.adjusted(0, topMargin, 0, 0);
    const QPixmap image = groupBoxFrame(painter->device()->devicePixelRatioF());
    drawAlongInPieces(painter, frame, false, LongestRun / 2,
                      [&] { qDrawBorderPixmap(painter, frame, QMargins(6, 6, 6, 6), image); });
}

QPixmap StudioStyle::groupBoxFrame(qreal ratio) const
{
    if (!m_groupBoxFrame.isNull() && qFuzzyCompare(m_groupBoxFrame.devicePixelRatio(), ratio))
        return m_groupBoxFrame;
    constexpr int Extent = 13; // 6 pixels of corner on each side of a 1-pixel middle that stretches
    QPixmap pixmap(QSize(Extent, Extent) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QRectF outline = QRectF(0, 0, Extent, Extent).adjusted(1.5, 1.5, -0.5, -0.5);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0x75, 0x75, 0x75, 0x32));
    painter.setBrush(QColor(0, 0, 0, 3));
    painter.drawRoundedRect(outline, 1.0, 1.0);
    painter.setPen(QColor(0, 0, 0, 4));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(outline.adjusted(1, 1, -1, -1), 1.0, 1.0);
    painter.end();
    m_groupBoxFrame = pixmap;
    return m_groupBoxFrame;
}

QIcon StudioStyle::glyphIcon(ActionIconEngine::Glyph glyph) const
{
    QIcon &icon = m_glyphIcons[int(glyph)];
    if (icon.isNull())
        icon = ActionIconEngine::icon(glyph);
    return icon;
}

void StudioStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                              const QWidget *widget) const
{
    const auto *item = qstyleoption_cast<const QStyleOptionMenuItem *>(option);
    const bool highlighted = item && element == CE_MenuItem && (item->state & State_Selected) &&
        (item->state & State_Enabled) && !item->icon.isNull();
    if (m_baseIsFusion && element == CE_ToolBar) {
        // A gradient no taller than the bar, and translucent lines along it, each a line of its own.
        drawAlongInPieces(painter, option->rect, option->state & State_Horizontal, LongestRun,
                          [&] { QProxyStyle::drawControl(element, option, painter, widget); });
        return;
    }
    if (m_baseIsFusion && element == CE_HeaderSection) {
        drawHeaderSection(option, painter, widget);
        return;
    }
    if (!highlighted) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    // The selected-mode pixmaps stand in for every mode, whichever one the base style asks for.
    const int extent = proxy()->pixelMetric(PM_SmallIconSize, option, widget);
    const qreal ratio = painter->device()->devicePixelRatioF();
    QIcon selected;
    for (const QIcon::State state : {QIcon::Off, QIcon::On}) {
        const QPixmap pixmap = item->icon.pixmap(QSize(extent, extent), ratio, QIcon::Selected, state);
        for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Active, QIcon::Selected})
            selected.addPixmap(pixmap, mode, state);
    }
    QStyleOptionMenuItem copy(*item);
    copy.icon = selected;
    QProxyStyle::drawControl(element, &copy, painter, widget);
}

void StudioStyle::drawHeaderSection(const QStyleOption *option, QPainter *painter,
                                    const QWidget *widget) const
{
    // Fusion paints a section into a pixmap of its size, with lines as long as the section, so a clip
    // doesn't shorten them. A section is the same all along its length but for its two ends (a gradient
    // across it, lines along it, separators at its end), so it is drawn in pieces, each taken from a
    // narrow section laid where the piece falls in the real one: one piece long at the ends, a piece's
    // length on both sides in the middle. The narrow one's lines are short, and Fusion paints its pixmap
    // once for all the pieces.
    const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
    const int piece = logicalRun(painter, LongestRun) / 2;
    const int narrow = 2 * piece;
    if (!header || header->orientation != Qt::Horizontal || option->rect.width() <= narrow) {
        QProxyStyle::drawControl(CE_HeaderSection, option, painter, widget);
        return;
    }
    const QRect section = option->rect;
    QStyleOptionHeader part(*header);
    for (int x = section.left(); x <= section.right(); x += piece) {
        const QRect shown = QRect(x, section.top(), piece, section.height()) & section;
        int left = x - piece / 2; // the piece in the narrow section's middle
        if (x == section.left())
            left = section.left();
        else if (shown.right() == section.right())
            left = section.right() - narrow + 1;
        part.rect = QRect(left, section.top(), narrow, section.height());
        painter->save();
        painter->setClipRect(shown, Qt::IntersectClip);
        QProxyStyle::drawControl(CE_HeaderSection, &part, painter, widget);
        painter->restore();
    }
}

QIcon StudioStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                const QWidget *widget) const
{
    // Qt's own icons for these are PNG files: reading the first one loads every image format plugin to
    // ask whether it reads PNG, about 3 ms of start-up, and dock title bars ask for theirs dozens of
    // times while laying out. The studio's glyphs are drawn, sharp at any scale, in the palette's colours.
    using Glyph = ActionIconEngine::Glyph;
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton:
        return glyphIcon(Glyph::MoreRight);
    case SP_ToolBarVerticalExtensionButton:
        return glyphIcon(Glyph::MoreDown);
    case SP_TitleBarNormalButton:
        return glyphIcon(Glyph::Float);
    case SP_TitleBarCloseButton:
    case SP_DockWidgetCloseButton:
        return glyphIcon(Glyph::Close);
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

} // namespace AuthStudio
