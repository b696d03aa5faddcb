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
// sections, and the studio's group box frame is such a fill.
//
// Each of those parts is the same all along its edges but for where they end, so it is drawn one piece
// at a time: clipped to the piece, from a short copy of the part laid around it (its start at the start,
// its end at the end, a margin beyond the piece elsewhere). No line or fill is longer than the short
// copy, the pixels come out as before (tst_widgets compares them), and drawing stays cheap: a clip alone
// would leave Qt walking every pixel of a long outline once per piece. Scroll bars have such runs too,
// but Fusion draws their outlines differently under a clip, so they are left be.
//
// The longest run a piece may hold, in pixels: under the 96 at which Qt hands over.
constexpr int LongestRun = 90;
// How far a short copy reaches past its piece: beyond a part's rounded or mitred ends.
constexpr int Reach = 4;

// Whether parts are drawn in pieces on this painter: only unscaled. Scaled, a copy laid a few logical
// pixels along can land on other device pixels than the part (at 1.25 or 1.5), Fusion puts a device row
// outside a frame's rectangle, and Qt's scaled fills hand over to its pool whatever the piece (QA pass
// 27): parts are drawn whole there, as Fusion draws them.
bool drawsInPieces(const QPainter *painter)
{
    // The device transform holds the device's pixel ratio, also when the painter is redirected (a
    // widget rendered into an image), where device() names the widget.
    return !painter->deviceTransform().isScaling() &&
        qFuzzyCompare(painter->device()->devicePixelRatioF(), 1.0);
}

// Calls `draw` with a short copy of `band` for each piece along it (`horizontal` or not), clipped to the
// piece. The copies reach Reach beyond their pieces and are at most `longest` long. Clipped even when
// there is one piece: a frame's side copy has ends of its own to hide. `ends` is how long the part's
// ends are, at most Reach plus what `draw` adds to its copy.
void drawAlongInPieces(QPainter *painter, const QRect &band, bool horizontal, int longest,
                       const std::function<void(const QRect &shortCopy)> &draw, int ends = Reach)
{
    const int piece = qMax(1, longest - 2 * Reach);
    const int start = horizontal ? band.left() : band.top();
    const int end = start + (horizontal ? band.width() : band.height()); // one past the last
    for (int at = start; at < end;) {
        // The last piece is never shorter than the part's end (`ends`: a header's two-pixel separator,
        // say), so that the end lies in it, and not at the far end of the copy before it.
        int stop = qMin(at + piece, end);
        if (end - stop < ends)
            stop = end;
        const int from = at == start ? start : at - Reach;
        const int to = stop == end ? end : stop + Reach;
        const QRect copy = horizontal ? QRect(from, band.top(), to - from, band.height())
                                      : QRect(band.left(), from, band.width(), to - from);
        painter->save();
        painter->setClipRect(horizontal ? QRect(at, band.top(), stop - at, band.height())
                                        : QRect(band.left(), at, band.width(), stop - at),
                             Qt::IntersectClip);
        draw(copy);
        painter->restore();
        at = stop;
    }
}

// A copy of `option` as an option of type Option (its own fields, if it is one), laid over `rect`.
template<typename Option> Option copyOver(const QStyleOption *option, const QRect &rect)
{
    Option copy;
    if (const auto *same = qstyleoption_cast<const Option *>(option))
        copy = *same;
    else
        copy.QStyleOption::operator=(*option);
    copy.rect = rect;
    return copy;
}

// A frame whose lines run along its edges, `edge` thick, drawn by `draw` for the frame it is given: each
// edge in pieces from short, thin copies of the frame that share that edge, then the inside, clipped to
// it, from the frame itself.
void drawFrameInPieces(QPainter *painter, const QRect &frame, int edge,
                       const std::function<void(const QRect &frameCopy)> &draw)
{
    const int thin = 2 * edge + Reach; // the copy's far edge falls outside the band drawn
    const QRect inside = frame.adjusted(edge, edge, -edge, -edge);
    // (A small frame too goes in pieces: its outline's four sides come to one run of spans.)
    if (inside.isEmpty()) {
        draw(frame);
        return;
    }
    const QRect top(frame.left(), frame.top(), frame.width(), edge);
    drawAlongInPieces(painter, top, true, LongestRun,
                      [&](const QRect &copy) { draw(QRect(copy.left(), frame.top(), copy.width(), thin)); });
    const QRect bottom(frame.left(), inside.bottom() + 1, frame.width(), edge);
    drawAlongInPieces(painter, bottom, true, LongestRun, [&](const QRect &copy) {
        draw(QRect(copy.left(), frame.bottom() - thin + 1, copy.width(), thin));
    });
    // The sides between the top and bottom bands, from copies reaching into those bands.
    const QRect left(frame.left(), inside.top(), edge, inside.height());
    drawAlongInPieces(painter, left, false, LongestRun, [&](const QRect &copy) {
        draw(QRect(frame.left(), copy.top() - edge, thin, copy.height() + 2 * edge));
    });
    const QRect right(inside.right() + 1, inside.top(), edge, inside.height());
    drawAlongInPieces(painter, right, false, LongestRun, [&](const QRect &copy) {
        draw(QRect(frame.right() - thin + 1, copy.top() - edge, thin, copy.height() + 2 * edge));
    });
    painter->save();
    painter->setClipRect(inside, Qt::IntersectClip);
    draw(frame);
    painter->restore();
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
    // A list, table or tree without the keyboard focus draws its selection in the inactive colours. Where
    // those are the active ones (Fusion's), nothing showed which list the arrow keys would move (QA pass
    // 39: the step list looked the same focused or not). The inactive selection is then the highlight
    // faded into the base, with the text's own colour on it, as desktops draw an unfocused selection.
    if (palette.color(QPalette::Inactive, QPalette::Highlight) ==
        palette.color(QPalette::Active, QPalette::Highlight)) {
        const QColor highlight = palette.color(QPalette::Active, QPalette::Highlight);
        const QColor base = palette.color(QPalette::Active, QPalette::Base);
        const auto fade = [](int over, int under) { return (over * 2 + under * 3) / 5; };
        palette.setColor(QPalette::Inactive, QPalette::Highlight,
                         QColor(fade(highlight.red(), base.red()), fade(highlight.green(), base.green()),
                                fade(highlight.blue(), base.blue())));
        palette.setColor(QPalette::Inactive, QPalette::HighlightedText,
                         palette.color(QPalette::Active, QPalette::Text));
    }
}

void StudioStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                const QWidget *widget) const
{
    if (m_baseIsFusion && element == PE_FrameTabWidget && drawsInPieces(painter)) {
        // An outline and a translucent highlight just inside it, and a translucent shadow below.
        drawFrameInPieces(painter, option->rect, 3, [&](const QRect &frame) {
            const auto copy = copyOver<QStyleOptionTabWidgetFrame>(option, frame);
            QProxyStyle::drawPrimitive(element, &copy, painter, widget);
        });
        return;
    }
    if (m_baseIsFusion && element == PE_FrameLineEdit && drawsInPieces(painter)) {
        // An opaque outline, and a translucent shadow along the top as a line of its own.
        drawAlongInPieces(painter, option->rect, true, LongestRun, [&](const QRect &part) {
            const auto copy = copyOver<QStyleOptionFrame>(option, part);
            QProxyStyle::drawPrimitive(element, &copy, painter, widget);
        });
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
    constexpr int Corner = 6; // the image's corners, stretched over nothing
    if (!drawsInPieces(painter)) {
        qDrawBorderPixmap(painter, frame, QMargins(Corner, Corner, Corner, Corner), image);
        return;
    }
    // Half as long: a stretched row of the image can come to two spans.
    drawAlongInPieces(
        painter, frame, false, LongestRun / 2,
        [&](const QRect &part) {
            // Stretched over the part as over the frame: the corners fall outside the piece wherever the
            // part's ends aren't the frame's.
            const bool first = part.top() == frame.top();
            const bool last = part.bottom() == frame.bottom();
            const QRect stretched(part.left(), first ? part.top() : part.top() - Corner, part.width(),
                                  part.height() + (first ? 0 : Corner) + (last ? 0 : Corner));
            qDrawBorderPixmap(painter, stretched, QMargins(Corner, Corner, Corner, Corner), image);
        },
        Corner);
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
    if (m_baseIsFusion && element == CE_ToolBar && drawsInPieces(painter)) {
        // A gradient no taller than the bar, and translucent lines along it, each a line of its own.
        drawAlongInPieces(painter, option->rect, option->state & State_Horizontal, LongestRun,
                          [&](const QRect &part) {
                              const auto copy = copyOver<QStyleOptionToolBar>(option, part);
                              QProxyStyle::drawControl(element, &copy, painter, widget);
                          });
        return;
    }
    if (m_baseIsFusion && element == CE_HeaderSection && drawsInPieces(painter)) {
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
    // Fusion paints a section into a pixmap of its size, clip or no clip: the short copies must be short
    // themselves. They share a few sizes, so Fusion paints few pixmaps.
    const auto *header = qstyleoption_cast<const QStyleOptionHeader *>(option);
    if (!header || header->orientation != Qt::Horizontal) {
        QProxyStyle::drawControl(CE_HeaderSection, option, painter, widget);
        return;
    }
    // The second version's fields too (a section dragged over is drawn darker).
    const auto *second = qstyleoption_cast<const QStyleOptionHeaderV2 *>(option);
    drawAlongInPieces(painter, option->rect, true, LongestRun, [&](const QRect &part) {
        QStyleOptionHeaderV2 copy;
        if (second)
            copy = *second;
        else
            copy.QStyleOptionHeader::operator=(*header);
        copy.rect = part;
        QProxyStyle::drawControl(CE_HeaderSection, &copy, painter, widget);
    });
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
