#include "KeyValueTableEditor.h"

#include "ExpressionDelegate.h"
#include "KeyValueTableModel.h"
#include "KeyValueText.h"
#include "ProblemFlagDelegate.h"
#include "widgets/ActionIconEngine.h"

#include <QAbstractItemDelegate>
#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace AuthStudio {

KeyValueTableEditor::KeyValueTableEditor(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_model(new KeyValueTableModel(document, this))
    , m_valueDelegate(new ExpressionDelegate(this))
    , m_view(new QTableView(this))
    , m_addButton(new QToolButton(this))
    , m_removeButton(new QToolButton(this))
{
    m_view->setObjectName(QStringLiteral("table"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(KeyValueTableModel::ValueColumn, m_valueDelegate);
    m_view->setItemDelegateForColumn(KeyValueTableModel::NameColumn, new ProblemFlagDelegate(this));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(KeyValueTableModel::NameColumn, 160);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // One row at a time, so Remove is one undoable step.
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setMinimumHeight(90);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, as in a form

    m_addButton->setObjectName(QStringLiteral("addRow"));
    m_addButton->setText(tr("Add"));
    m_addButton->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Add));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_removeButton->setObjectName(QStringLiteral("removeRow"));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setIcon(ActionIconEngine::icon(ActionIconEngine::Glyph::Remove));
    m_removeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setRowNoun(tr("row"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    // The table's own commands, in its context menu; their keys are taken in eventFilter(). Made when
    // the menu is asked for: the studio has a table on every page, and actions with shortcuts cost its
    // start-up.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &KeyValueTableEditor::showContextMenu);
    connect(m_addButton, &QToolButton::clicked, this, &KeyValueTableEditor::addRow);
    connect(m_removeButton, &QToolButton::clicked, this, &KeyValueTableEditor::removeSelectedRow);
    // The view's own key (see eventFilter): a cell being edited has the focus, and Delete stays its text's.
    m_view->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeyValueTableEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &KeyValueTableEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &KeyValueTableEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &KeyValueTableEditor::updateViewHeight);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &KeyValueTableEditor::updateViewHeight);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &KeyValueTableEditor::updateViewHeight);
    updateButtons();
}

void KeyValueTableEditor::sizeToRows()
{
    m_sizedToRows = true;
    updateViewHeight();
}

void KeyValueTableEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Rows and the header follow the font and the style.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateViewHeight();
}

void KeyValueTableEditor::updateViewHeight()
{
    if (!m_sizedToRows)
        return;
    constexpr int FewestRows = 2;
    constexpr int MostRows = 8;
    const int rows = std::clamp(m_model->rowCount() + 1, FewestRows, MostRows);
    const QHeaderView *header = m_view->horizontalHeader();
    m_view->setFixedHeight(2 * m_view->frameWidth() + (header->isHidden() ? 0 : header->sizeHint().height()) +
                           rows * m_view->verticalHeader()->defaultSectionSize());
}

void KeyValueTableEditor::setTable(const KeyValueRef &ref)
{
    m_model->setTable(ref);
    updateButtons();
}

void KeyValueTableEditor::setKnownNames(const KnownNames &names)
{
    m_valueDelegate->setKnownNames(names);
    m_view->viewport()->update(); // the cells mark the names they now can tell unknown
}

void KeyValueTableEditor::setRowNoun(const QString &noun)
{
    m_addButton->setToolTip(tr("Add a %1").arg(noun));
    m_addButton->setAccessibleName(tr("Add %1").arg(noun));
    m_removeButton->setToolTip(tr("Remove the selected %1").arg(noun));
    m_removeButton->setAccessibleName(tr("Remove %1").arg(noun));
    m_view->setAccessibleName(tr("%1 table").arg(noun));
}

void KeyValueTableEditor::addRow()
{
    // Add takes no focus, so the cell last typed in may still be open: its text goes in first, as a step
    // of its own, so that Undo right after Add takes the new row away rather than that text.
    commitOpenEditor();
    const int row = m_model->rowCount();
    if (!m_model->insertRows(row, 1))
        return;
    const QModelIndex name = m_model->index(row, KeyValueTableModel::NameColumn);
    m_view->setCurrentIndex(name);
    m_view->edit(name);
}

void KeyValueTableEditor::editValue(int row)
{
    const QModelIndex value = m_model->index(row, KeyValueTableModel::ValueColumn);
    if (!value.isValid())
        return;
    m_view->setFocus();
    m_view->setCurrentIndex(value);
    m_view->edit(value);
}

bool KeyValueTableEditor::focusRow(const QString &name, int column)
{
    // A run skips disabled rows, so an enabled one is what failed; a disabled one of the name will do
    // when the table changed since.
    int found = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex nameCell = m_model->index(row, KeyValueTableModel::NameColumn);
        if (nameCell.data(Qt::EditRole).toString() != name)
            continue;
        if (nameCell.data(Qt::CheckStateRole).value<Qt::CheckState>() != Qt::Unchecked) {
            found = row;
            break;
        }
        if (found < 0)
            found = row;
    }
    if (found < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(found, column));
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

void KeyValueTableEditor::commitOpenEditor()
{
    const QModelIndex current = m_view->currentIndex();
    QWidget *editor = current.isValid() ? m_view->indexWidget(current) : nullptr;
    if (!editor)
        return;
    // What the delegate itself does when its editor loses the focus.
    QAbstractItemDelegate *delegate = m_view->itemDelegateForIndex(current);
    Q_EMIT delegate->commitData(editor);
    Q_EMIT delegate->closeEditor(editor, QAbstractItemDelegate::NoHint);
}

bool KeyValueTableEditor::eventFilter(QObject *watched, QEvent *event)
{
    // The view's keys only: a cell being edited has the focus, and these keys stay its text's.
    if (watched != m_view || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool control = key->modifiers() == Qt::ControlModifier;
    if (key->matches(QKeySequence::Delete) && m_view->selectionModel()->hasSelection())
        removeSelectedRow();
    else if (control && key->key() == Qt::Key_Up)
        moveSelectedRow(-1);
    else if (control && key->key() == Qt::Key_Down)
        moveSelectedRow(1);
    else if (key->matches(QKeySequence::Copy))
        copyRows();
    else if (key->matches(QKeySequence::Paste))
        paste();
    else
        return QWidget::eventFilter(watched, event);
    return true;
}

void KeyValueTableEditor::showContextMenu(const QPoint &position)
{
    const int row = selectedRow();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("tableMenu"));
    const auto add = [menu](const QString &name, const QString &text, const QKeySequence &keys, bool enabled,
                            const std::function<void()> &run) {
        QAction *action = menu->addAction(text, run);
        action->setObjectName(name);
        action->setShortcut(keys); // shown; the keys themselves are eventFilter()'s
        action->setEnabled(enabled);
    };
    add(QStringLiteral("moveRowUp"), tr("Move &Up"), QKeySequence(Qt::CTRL | Qt::Key_Up), row > 0,
        [this] { moveSelectedRow(-1); });
    add(QStringLiteral("moveRowDown"), tr("Move &Down"), QKeySequence(Qt::CTRL | Qt::Key_Down),
        row >= 0 && row + 1 < m_model->rowCount(), [this] { moveSelectedRow(1); });
    menu->addSeparator();
    add(QStringLiteral("copyRow"), tr("&Copy"), QKeySequence::Copy, row >= 0, [this] { copyRows(); });
    add(QStringLiteral("copyAllRows"), tr("Copy &All Rows"), {}, m_model->rowCount() > 0,
        [this] { copyRows(true); });
    add(QStringLiteral("pasteRows"), tr("&Paste"), QKeySequence::Paste, m_model->hasTable(),
        [this] { paste(); });
    menu->setToolTipsVisible(true);
    menu->actions().constLast()->setToolTip(
        tr("Adds the rows of the copied text after the selected row, one a line (\"Name: value\" or "
           "\"name=value\"; a line starting with // is added switched off). A single line goes into the "
           "current cell."));
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void KeyValueTableEditor::removeSelectedRow()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    const QModelIndex current = selected.isEmpty() ? m_view->currentIndex() : selected.first();
    if (current.isValid())
        m_model->removeRows(current.row(), 1);
}

int KeyValueTableEditor::selectedRow() const
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    return selected.isEmpty() ? -1 : selected.first().row();
}

void KeyValueTableEditor::moveSelectedRow(int by)
{
    const int row = selectedRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    const int column = std::max(m_view->currentIndex().column(), 0);
    // moveRows counts the destination before the row is taken out: one further down when moving down.
    if (m_model->moveRow({}, row, {}, by > 0 ? to + 1 : to))
        m_view->setCurrentIndex(m_model->index(to, column));
}

KeyValueText::Style KeyValueTableEditor::textStyle() const
{
    const bool headers = m_model->table().table == KeyValueRef::Table::ResourceHeaders ||
        m_model->table().table == KeyValueRef::Table::StepHeaders;
    return headers ? KeyValueText::Style::Header : KeyValueText::Style::Assignment;
}

void KeyValueTableEditor::copyRows(bool all)
{
    const int row = selectedRow();
    const KeyValueList rows = all || row < 0 ? m_model->keyValues() : m_model->keyValues(row, 1);
    if (rows.isEmpty())
        return; // an empty table leaves the clipboard as it was
    QGuiApplication::clipboard()->setText(KeyValueText::format(rows, textStyle()));
}

void KeyValueTableEditor::paste()
{
    if (!m_model->hasTable())
        return;
    const QString text = QGuiApplication::clipboard()->text();
    if (!KeyValueText::looksLikeRows(text)) {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid() && !text.isEmpty())
            m_model->setData(current,
                             current.column() == KeyValueTableModel::ValueColumn ? text : text.trimmed());
        return;
    }
    QStringList leftOut;
    const KeyValueList rows = KeyValueText::parse(text, textStyle(), &leftOut);
    const bool headers = textStyle() == KeyValueText::Style::Header;
    // A header pasted beside one of its name is sent once, the lower row's value: said, as the new row
    // otherwise replaces a working Authorization without a word (QA pass 47).
    QStringList repeated;
    if (headers) {
        const KeyValueList existing = m_model->keyValues();
        for (const KeyValue &pasted : rows) {
            const bool there =
                std::any_of(existing.cbegin(), existing.cend(), [&pasted](const KeyValue &had) {
                    return had.enabled && pasted.enabled &&
                        had.name.compare(pasted.name, Qt::CaseInsensitive) == 0;
                });
            if (there && !repeated.contains(pasted.name, Qt::CaseInsensitive))
                repeated.append(pasted.name);
        }
    }
    const int row = selectedRow();
    const int at = row < 0 ? m_model->rowCount() : row + 1;
    if (m_model->insertKeyValues(at, rows)) {
        const QModelIndex first = m_model->index(at, KeyValueTableModel::NameColumn);
        m_view->setCurrentIndex(first);
        m_view->scrollTo(m_model->index(at + int(rows.size()) - 1, KeyValueTableModel::NameColumn));
        m_view->scrollTo(first);
    }
    // A curl command carries more than a table holds: what was left out is said where the rows went, so
    // a -u or a body isn't lost without a word (QA pass 46).
    const bool curl = text.trimmed().startsWith(QLatin1String("curl "));
    if ((!curl || (!rows.isEmpty() && leftOut.isEmpty())) && repeated.isEmpty())
        return;
    QString note = !curl ? QString()
        : rows.isEmpty()
        ? (headers ? tr("The curl command sends no headers.")
                   : tr("The curl command's address has no query parameters."))
        : (headers ? (rows.size() == 1 ? tr("Pasted 1 header from the curl command.")
                                       : tr("Pasted %1 headers from the curl command.").arg(rows.size()))
                   : (rows.size() == 1
                          ? tr("Pasted 1 parameter from the curl command's address.")
                          : tr("Pasted %1 parameters from the curl command's address.").arg(rows.size())));
    if (curl && !leftOut.isEmpty())
        note += QLatin1Char(' ') + tr("Left out: %1.").arg(leftOut.join(QStringLiteral(", ")));
    if (!repeated.isEmpty()) {
        const QString names = repeated.join(QStringLiteral(", "));
        note += (note.isEmpty() ? QString() : QStringLiteral(" ")) +
            (repeated.size() == 1
                 ? tr("%1 was in the table already: only the lower row's value is sent.").arg(names)
                 : tr("%1 were in the table already: only the lower rows' values are sent.").arg(names));
    }
    const QModelIndex last = m_model->index(
        rows.isEmpty() ? m_model->rowCount() - 1 : at + int(rows.size()) - 1, KeyValueTableModel::NameColumn);
    const QRect cell = m_view->visualRect(last);
    const QPoint where = cell.isValid() ? cell.bottomLeft() : m_view->viewport()->rect().topLeft();
    QToolTip::showText(m_view->viewport()->mapToGlobal(where), note, m_view, {}, PasteNoteMs);
}

void KeyValueTableEditor::updateButtons()
{
    m_addButton->setEnabled(m_model->hasTable());
    const int row = selectedRow();
    m_removeButton->setEnabled(m_model->hasTable() && row >= 0);
}

} // namespace AuthStudio
