#include "ElidedLabel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>
#include <QStyle>

namespace AuthStudio {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // As wide as the layout makes it: a long text must not widen the window.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // The painted text can't be selected; the whole of it can be copied.
    auto *copy = new QAction(tr("&Copy"), this);
    connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

QString ElidedLabel::oneLine() const
{
    QString line = text();
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

QRect ElidedLabel::textRect() const
{
    const int m = margin();
    return contentsRect().adjusted(m, m, -m, -m);
}

bool ElidedLabel::isElided() const
{
    return fontMetrics().horizontalAdvance(oneLine()) > textRect().width();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    const int m = 2 * margin();
    return {fontMetrics().horizontalAdvance(oneLine()) + margins.left() + margins.right() + m,
            fontMetrics().height() + margins.top() + margins.bottom() + m};
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for "…" and a letter or two, one line high whatever the text.
    const QSize hint = sizeHint();
    return {qMin(hint.width(), fontMetrics().horizontalAdvance(QStringLiteral("Wi\u2026"))), hint.height()};
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    drawFrame(&painter);
    const QRect rect = textRect();
    const QString shown = fontMetrics().elidedText(oneLine(), Qt::ElideRight, rect.width());
    style()->drawItemText(&painter, rect, QStyle::visualAlignment(layoutDirection(), alignment()), palette(),
                          isEnabled(), shown, foregroundRole());
}

} // namespace AuthStudio
