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

    // For any word-wrapped label whose text may hold a name of any length (a step's, a resource's) or a
    // server's reply: a word too long to wrap is cut at the label's edge rather than widening the pane
    // and the window with it (QA pass 39: a 400-character name made the window 6367 px wide, and that
    // size was saved). Keeps the label's height-for-width.
    static void keepNarrow(QLabel *label);

protected:
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace AuthStudio
