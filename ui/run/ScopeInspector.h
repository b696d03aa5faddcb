// ScopeInspector: shows a run's scope as a filterable tree (names, values, types) so people can see what
// each step produced and copy a value or the {{ expression }} that reads it into a field. Secrets stay
// masked until "Reveal secrets" is ticked.
#pragma once

#include <QKeySequence>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QCheckBox;
class QFutureWatcherBase;
class QSortFilterProxyModel;
class QHBoxLayout;
class QTimer;
class QToolButton;
class QTreeView;
class QVBoxLayout;

namespace AuthStudio {

class FilterLineEdit;
class Scope;
class ScopeFilterProxy;
class ScopeModel;
class ScopeSearch;

class ScopeInspector : public QWidget
{
    Q_OBJECT
public:
    explicit ScopeInspector(QWidget *parent = nullptr);
    // The keys of Copy value and Copy as {{ expression }} in the tree (Help > Keyboard Shortcuts lists them).
    static QKeySequence copyValueKeys() { return QKeySequence(QKeySequence::Copy); }
    static QKeySequence copyExpressionKeys() { return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C); }
    // Stops a search still running on the thread pool.
    ~ScopeInspector() override;

    // Shows another snapshot, keeping the rows that were expanded and the current row where they still exist.
    // A row of more than LargeExpansionRows children opens again in a later turn of the event loop (laying
    // out a 60 000-item array takes the view tens of milliseconds: not on top of the snapshot's own), or,
    // while expansions are held, when they are released.
    void setScope(const Scope &scope);
    static constexpr int LargeExpansionRows = 5000;
    // While a Test run goes on, its scope changes at every step: a large row opens again once, at the end,
    // rather than at every step.
    void holdLargeExpansions(bool hold);
    ScopeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const;
    QTreeView *view() const { return m_view; }

    // Applies at once; typing in the filter box applies after a short pause, so a large scope isn't
    // searched on every key press. A large scope (LargeScopeBytes or more) is searched on the thread
    // pool, while the window stays responsive and the rows shown stay as they were: filterApplied() says
    // when the result shows. A small one is searched at once, and shows before this returns.
    void setFilterText(const QString &text);
    QString filterText() const;
    // Whether a search of a large scope is running, its result not shown yet.
    bool isSearching() const;
    static constexpr qsizetype LargeScopeBytes = 256 * 1024;

    // The selected row in ScopeModel terms, or invalid.
    QModelIndex currentIndex() const;
    void setCurrentIndex(const QModelIndex &sourceIndex);

    // A large value (LargeScopeBytes or more of JSON) is written out on the thread pool, and reaches the
    // clipboard when done (valueCopied()); a small one before this returns.
    void copyValue();
    void copyExpression();
    // Unticks "Reveal secrets": for a scope of another resource or run, which the user didn't ask to see.
    void maskSecrets();

    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The filter's result for the current text, scope and secrets setting shows now.
    void filterApplied();
    // The selected value is on the clipboard.
    void valueCopied();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int buttonsWidth() const;
    void placeFilter();
    void applyFilter();
    // Searches for the applied filter text in the current scope, at once or on the thread pool.
    void search();
    void showSearch(std::shared_ptr<const ScopeSearch> result);
    void cancelSearch();
    void updateActions();
    void expandMatches();
    void expandDeferred();

    ScopeModel *m_model;
    ScopeFilterProxy *m_proxy;
    FilterLineEdit *m_filter;
    QCheckBox *m_reveal;
    QTreeView *m_view;
    QAction *m_copyValueAction;
    QAction *m_copyExpressionAction;
    QTimer *m_filterTimer;
    QToolButton *m_copyValueButton;
    QToolButton *m_copyExpressionButton;
    QVBoxLayout *m_layout;
    QHBoxLayout *m_toolbar;
    bool m_filterOnOwnRow = false;
    // Paths of the rows people expanded, so the next snapshot opens the same way.
    QSet<QStringList> m_expandedPaths;
    bool m_restoring = false;
    // Expanded paths of large rows still to open again.
    QList<QStringList> m_deferredExpansions;
    // The row to make current once it can be: under a large row still to open, or not in the scope shown
    // yet (see setScope). A row the user picks replaces it.
    QStringList m_pendingCurrent;
    bool m_settingScope = false;
    bool m_holdExpansions = false;
    QTimer *m_expandTimer;
    QString m_filterText; // what the filter searches for, trimmed; its result may still be coming
    bool m_largeScope = false; // searched and copied from on the thread pool
    QPointer<QFutureWatcherBase> m_searching; // the search running on the thread pool, if any
    std::shared_ptr<std::atomic_bool> m_searchCancelled; // tells that search to stop
    QPointer<QFutureWatcherBase> m_copying; // the large value being written out for the clipboard
};

} // namespace AuthStudio
