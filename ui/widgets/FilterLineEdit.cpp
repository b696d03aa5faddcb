#include "FilterLineEdit.h"

#include <QAbstractItemView>
#include <QKeyEvent>

namespace AuthStudio {

FilterLineEdit::FilterLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    // textChanged also covers text set by code (a restored filter), not only typing.
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.isEmpty() && !isClearButtonEnabled())
            setClearButtonEnabled(true);
    });
}

bool FilterLineEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // QLineEdit claims these keys whether or not it has anything to undo; left unclaimed, the
        // shortcut of the window's Undo or Redo action takes them.
        if ((key->matches(QKeySequence::Undo) && !isUndoAvailable()) ||
            (key->matches(QKeySequence::Redo) && !isRedoAvailable())) {
            event->ignore();
            return true;
        }
        if (clearsOn(key)) {
            event->accept(); // this one's, not the window's Cancel Test
            return true;
        }
    }
    return QLineEdit::event(event);
}

bool FilterLineEdit::clearsOn(const QKeyEvent *key) const
{
    return !text().isEmpty() && QKeySequence(key->keyCombination()) == clearKeys();
}

void FilterLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (clearsOn(event)) {
        clear();
        event->accept();
        return;
    }
    if (m_view && m_view->isVisible() && event->keyCombination() == QKeyCombination(Qt::Key_Down)) {
        if (QAbstractItemModel *model = m_view->model(); model && !m_view->currentIndex().isValid()) {
            if (const QModelIndex first = model->index(0, 0, m_view->rootIndex()); first.isValid())
                m_view->setCurrentIndex(first);
        }
        m_view->setFocus(Qt::TabFocusReason);
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace AuthStudio
