// RunLogModel: the run log of the run panel, one row per workflow step (Step, Type, Status, Time, HTTP,
// Detail). A row appears as "running" when its step starts and is completed when the step finishes.
// Details and errors are masked with the step's secrets, so the log can be shown and copied safely. A
// JavaScript step's console lines are summed up in its Detail (all of them in the tooltip), masked with
// every secret the run has had so far: a token logged before a later step marks it secret is masked too.
#pragma once

#include "run/StepResult.h"

#include <QAbstractTableModel>

namespace AuthStudio {

class RunLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StepColumn, TypeColumn, StatusColumn, TimeColumn, HttpColumn, DetailColumn, ColumnCount };
    enum Role {
        StepIndexRole = Qt::UserRole + 1, // int: the step's index in the workflow
        RunningRole, // bool
        ConsoleRole, // QStringList: the step's console lines, masked ("js1: console.log: hello")
    };
    // The tooltip lists this many console lines; the Console pane has them all.
    static constexpr int MaxTooltipConsoleLines = 20;

    explicit RunLogModel(QObject *parent = nullptr);

    // A step started: adds a "running" row for it.
    void appendRunning(int stepIndex, const QString &name, StepType type);
    // A step finished: completes its running row, or adds a row when there is none.
    void append(const StepResult &result);
    void clear();

    StepResult stepResult(int row) const;
    // Every secret of the steps finished so far (the scope's secrets only grow during a run).
    const QSet<QString> &secrets() const { return m_secrets; }
    bool isRunning(int row) const;
    // The row of a workflow step, or -1.
    int rowForStep(int stepIndex) const;

    static QString statusText(RunOutcome outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        StepResult result;
        bool running = false;
    };

    QString stepText(const Row &row) const; // detail and error, masked
    QString detailText(const Row &row) const; // and the first console line
    QString toolTipText(const Row &row) const; // and every console line, up to MaxTooltipConsoleLines
    QStringList consoleLines(const Row &row) const;

    QList<Row> m_rows;
    QSet<QString> m_secrets;
};

} // namespace AuthStudio
