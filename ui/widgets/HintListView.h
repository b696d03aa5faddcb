// HintListView: a list view that says what to do while it is empty ("No steps yet: Insert adds one"), in
// the placeholder colour, as an empty line edit does. With the focus, a focus frame around the hint shows
// where the keyboard is: an empty view otherwise showed nothing when Tab reached it (QA pass 36).
#pragma once

#include <QListView>

namespace AuthStudio {

class HintListView : public QListView
{
    Q_OBJECT
public:
    using QListView::QListView;

    void setEmptyHint(const QString &hint);
    QString emptyHint() const { return m_hint; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QString m_hint;
};

} // namespace AuthStudio
