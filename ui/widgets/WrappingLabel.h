// WrappingLabel: a word-wrapped label that asks its layout for the height its text takes at its current
// width, not for one line. Splitters and group boxes don't ask labels' height-for-width, so a long
// wrapped message in them took the room of the widgets below it and cut them off.
#pragma once

#include <QLabel>

namespace AuthStudio {

class WrappingLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace AuthStudio
