#include "CliPrompter.h"

#include <cstdio>
#include <cstring>
#include <termios.h>
#include <unistd.h>

using namespace AuthStudio;

namespace {

// Reads one line from the controlling terminal; echo off for passwords. The CLI blocks here on purpose:
// nothing else runs while a person is typing.
std::optional<QString> readFromTerminal(const QString &label, bool secret)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return std::nullopt;
    std::fprintf(tty, "%s: ", label.toLocal8Bit().constData());
    std::fflush(tty);
    termios saved {};
    const int fd = fileno(tty);
    const bool restore = secret && tcgetattr(fd, &saved) == 0;
    if (restore) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &silent);
    }
    char buffer[4096];
    const bool gotLine = std::fgets(buffer, sizeof buffer, tty) != nullptr;
    if (restore) {
        tcsetattr(fd, TCSAFLUSH, &saved);
        // The newline the silent read swallowed. Past the stream: stdio may not write to a stream it has
        // just read from without a seek in between, which a terminal can't do.
        [[maybe_unused]] const ssize_t written = write(fd, "\n", 1);
    }
    std::fclose(tty);
    if (!gotLine)
        return std::nullopt;
    QString line = QString::fromLocal8Bit(buffer);
    // The typed password goes no further than the QString it is now.
    explicit_bzero(buffer, sizeof buffer);
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

} // namespace

CliPrompter::CliPrompter(const QHash<QString, QString> &inputs, QObject *parent)
    : FormPrompter(parent)
    , m_inputs(inputs)
{ }

QString CliPrompter::environmentName(const QString &stepName, const QString &fieldKey)
{
    QString name =
        QStringLiteral("AUTHSTUDIO_INPUT_") + stepName.toUpper() + QLatin1Char('_') + fieldKey.toUpper();
    for (QChar &c : name) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('_');
    }
    return name;
}

void CliPrompter::prompt(const FormStep &step)
{
    QJsonObject values;
    const bool interactive = isatty(STDIN_FILENO) != 0;
    for (const FormField &field : step.fields) {
        const QString key = step.name + QLatin1Char('.') + field.key;
        const QString environment = environmentName(step.name, field.key);
        std::optional<QString> value;
        if (m_inputs.contains(key))
            value = m_inputs.value(key);
        else if (qEnvironmentVariableIsSet(environment.toLatin1().constData()))
            value = qEnvironmentVariable(environment.toLatin1().constData());
        else if (interactive)
            value = readFromTerminal(QStringLiteral("%1 (%2)").arg(field.label, key), field.isSecret());
        if (!value && field.required) {
            const QString reason =
                QStringLiteral("no value for %1: pass --input %1=VALUE or set %2").arg(key, environment);
            Q_EMIT failed(reason, field.key);
            return;
        }
        values.insert(field.key, value.value_or(QString()));
    }
    Q_EMIT answered(values);
}
