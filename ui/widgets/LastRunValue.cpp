#include "LastRunValue.h"

#include "script/ExpressionEvaluator.h"
#include "script/Scope.h"
#include "script/SecretMasker.h"
#include "script/Template.h"

#include <QCoreApplication>

namespace AuthStudio {

QString LastRunValue::of(const QString &text, const Scope &lastRun, const QStringList &knownNames)
{
    if (lastRun.values().isEmpty())
        return {};
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    if (!parsed->isValid() || !parsed->hasExpressions())
        return {};
    const QStringList roots = parsed->rootNames();
    for (const QString &root : roots) {
        if (!knownNames.contains(root))
            return {};
    }
    // A secret variable's value is masked whole, whatever it holds (an object isn't masked by value).
    for (const QString &root : roots) {
        if (lastRun.isSecretName(root))
            return SecretMasker::mask();
    }
    // Without a script engine, plain paths only: the same lookup the run does, and nothing runs here.
    const EvalResult result = ExpressionEvaluator().interpolate(text, lastRun, QString());
    if (!result.ok())
        return {};
    constexpr int MaxLength = 300;
    QString value = SecretMasker(lastRun.secrets()).maskText(valueToText(result.value));
    if (value.size() > MaxLength)
        value = value.left(MaxLength) + QStringLiteral("\u2026");
    return value;
}

QString LastRunValue::describe(const QString &value)
{
    return QCoreApplication::translate("AuthStudio::LastRunValue", "In the last test run: %1")
        .arg(value.isEmpty() ? QCoreApplication::translate("AuthStudio::LastRunValue", "(empty)") : value);
}

} // namespace AuthStudio
