#include "StepResult.h"

namespace AuthStudio {

QString runOutcomeId(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Succeeded:
        return QStringLiteral("succeeded");
    case RunOutcome::Failed:
        return QStringLiteral("failed");
    case RunOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case RunOutcome::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

} // namespace AuthStudio
