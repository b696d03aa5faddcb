// CliOutput: how the CLI writes to the terminal: plain text lines or one JSON document on stdout, errors on
// stderr, and every value passed through the SecretMasker unless the user asked for --show-secrets.
#pragma once

#include "script/SecretMasker.h"

#include <QCommandLineParser>
#include <QJsonValue>

#include <QString>
#include <optional>

class CliOutput
{
public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    // Parses a command's options. Returns the exit code when the command is already done: after --help
    // (0, help printed) or a parse error (2, error printed); nothing when the command should go on.
    static std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments);
    // -h and --help for a command. Not QCommandLineParser::addHelpOption(): its --help-all, "help
    // including Qt specific options", was listed by every command and refused by all (QA pass 40): a
    // command has no Qt options.
    static void addHelpOption(QCommandLineParser &parser);

    // A line of text, its control characters (but line breaks and tabs) made visible: see printable().
    static void out(const QString &line);
    static void err(const QString &line);
    // The text with control characters shown as ^X and bidirectional overrides as \uXXXX (VisibleText),
    // so that what a server sent can't drive the terminal. JSON output needs none of this.
    static QString printable(const QString &text);
    static void json(const QJsonValue &document);
    // Formats a duration in nanoseconds for people: "0.4 ms", "1.25 s".
    static QString duration(qint64 ns);
};
