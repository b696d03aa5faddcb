#include "RunLogModel.h"

#include "script/SecretMasker.h"
#include "script/VisibleText.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace AuthStudio {

namespace {

QIcon statusIcon(RunOutcome outcome, bool running)
{
    // Standard style icons follow the platform theme and exist in every style, offscreen included.
    QStyle *style = QApplication::style();
    if (!style)
        return {};
    if (running)
        return style->standardIcon(QStyle::SP_BrowserReload);
    switch (outcome) {
    case RunOutcome::Succeeded:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case RunOutcome::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case RunOutcome::Cancelled:
        return style->standardIcon(QStyle::SP_BrowserStop);
    case RunOutcome::Skipped:
        return style->standardIcon(QStyle::SP_MediaSkipForward);
    }
    return {};
}

} // namespace

RunLogModel::RunLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RunLogModel::appendRunning(int stepIndex, const QString &name, StepType type)
{
    Row row;
    row.result.index = stepIndex;
    row.result.name = name;
    row.result.type = type;
    row.running = true;
    const int position = int(m_rows.size());
    beginInsertRows({}, position, position);
    m_rows.append(row);
    endInsertRows();
}

void RunLogModel::append(const StepResult &result)
{
    // A step's console lines are masked with secrets that later steps add, which the rows above learn of.
    const qsizetype secretsBefore = m_secrets.size();
    m_secrets.unite(result.scope.secrets());
    if (m_secrets.size() != secretsBefore) {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (!m_rows.at(i).result.console.isEmpty())
                Q_EMIT dataChanged(index(int(i), DetailColumn), index(int(i), DetailColumn));
        }
    }
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        Row &row = m_rows[i];
        if (row.running && row.result.index == result.index) {
            row.result = result;
            row.running = false;
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
            return;
        }
    }
    const int position = int(m_rows.size());
    beginInsertRows({}, position, position);
    m_rows.append({result, false});
    endInsertRows();
}

void RunLogModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_secrets.clear();
    endResetModel();
}

StepResult RunLogModel::stepResult(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).result : StepResult();
}

bool RunLogModel::isRunning(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).running;
}

int RunLogModel::rowForStep(int stepIndex) const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows.at(i).result.index == stepIndex)
            return int(i);
    }
    return -1;
}

QString RunLogModel::statusText(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Succeeded:
        return tr("Succeeded");
    case RunOutcome::Failed:
        return tr("Failed");
    case RunOutcome::Cancelled:
        return tr("Cancelled");
    case RunOutcome::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString RunLogModel::stepText(const Row &row) const
{
    const StepResult &result = row.result;
    QString text = result.detail;
    if (!result.error.isEmpty())
        text = text.isEmpty() ? result.error : text + QStringLiteral(" \u2014 ") + result.error;
    // A server that echoes a password back, or an error quoting a token, must not put it on screen.
    return SecretMasker(result.scope.secrets()).maskText(text);
}

QString RunLogModel::detailText(const Row &row) const
{
    const QString text = stepText(row);
    const QList<ConsoleLine> &console = row.result.console;
    if (console.isEmpty())
        return text;
    // The first line says what the script had to say; the tooltip and the Console pane have the rest.
    ConsoleLine first = console.constFirst().masked(SecretMasker(m_secrets));
    first.step.clear(); // the row names it
    // As the Console pane shows it: a CR or a right-to-left override shows rather than acts.
    QString summary = VisibleText::of(first.toText(), VisibleText::LineBreaks::Symbol);
    if (console.size() == 2)
        summary += tr(" (+1 more line)");
    else if (console.size() > 2)
        summary += tr(" (+%1 more lines)").arg(console.size() - 1);
    return text.isEmpty() ? summary : text + QStringLiteral(" \u2014 ") + summary;
}

QStringList RunLogModel::consoleLines(const Row &row) const
{
    QStringList lines;
    const SecretMasker masker(m_secrets);
    for (const ConsoleLine &line : row.result.console)
        lines.append(VisibleText::of(line.masked(masker).toText(), VisibleText::LineBreaks::Symbol));
    return lines;
}

QString RunLogModel::toolTipText(const Row &row) const
{
    const QString text = stepText(row);
    QStringList lines = consoleLines(row);
    if (lines.isEmpty())
        return text;
    const qsizetype more = lines.size() - MaxTooltipConsoleLines;
    if (more > 0) {
        lines.resize(MaxTooltipConsoleLines);
        lines.append(tr("\u2026 %1 more in the Console").arg(more));
    }
    const QString console = lines.join(u'\n');
    return text.isEmpty() ? console : text + QStringLiteral("\n\n") + console;
}

int RunLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const StepResult &result = row.result;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case StepColumn:
            return result.name;
        case TypeColumn:
            return stepTypeLabel(result.type);
        case StatusColumn:
            return row.running ? tr("Running") : statusText(result.outcome);
        case TimeColumn:
            if (row.running)
                return QString();
            return QString::number(double(result.elapsedNs) / 1e6, 'f', 1);
        case HttpColumn:
            return result.httpStatus > 0 ? QString::number(result.httpStatus) : QString();
        case DetailColumn:
            return detailText(row);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return statusIcon(result.outcome, row.running);
        break;
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn || index.column() == StatusColumn) {
            const QString detail = toolTipText(row);
            return detail.isEmpty() ? QVariant() : QVariant(detail);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn || index.column() == HttpColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StepIndexRole:
        return result.index;
    case RunningRole:
        return row.running;
    case ConsoleRole:
        return consoleLines(row);
    default:
        break;
    }
    return {};
}

QVariant RunLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case TimeColumn:
        return tr("Time (ms)");
    case HttpColumn:
        return tr("HTTP");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace AuthStudio
