// The run log model under QAbstractItemModelTester (console lines included), the Form step dialog driven with
// key events (required fields, password echo, Enter submits, Esc cancels) and DialogPrompter both through its
// test hook and through the real window-modal dialog.
#include "run/DialogPrompter.h"
#include "run/FormDialog.h"
#include "run/RunLogModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace AuthStudio;

namespace {

StepResult finished(int index, const QString &name, StepType type, RunOutcome outcome)
{
    StepResult result;
    result.index = index;
    result.name = name;
    result.type = type;
    result.outcome = outcome;
    result.elapsedNs = 12'345'678;
    return result;
}

FormStep loginForm()
{
    FormStep step = FormStep::withDefaultFields(QStringLiteral("form1"));
    step.fields.append(
        {QStringLiteral("otp"), QStringLiteral("One-time code"), FormField::Type::Text, false});
    return step;
}

// The modal dialog the prompter opened, found the way a person would see it.
FormDialog *openDialog()
{
    return qobject_cast<FormDialog *>(QApplication::activeModalWidget());
}

} // namespace

class TestRunLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        DialogPrompter::clearNextAnswer();
        QTRY_VERIFY(!QApplication::activeModalWidget());
    }

    void runningRowIsCompletedWhenTheStepFinishes()
    {
        RunLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.headerData(RunLogModel::TimeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Time (ms)"));

        model.appendRunning(0, QStringLiteral("form1"), StepType::Form);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.isRunning(0));
        QCOMPARE(model.index(0, RunLogModel::StatusColumn).data().toString(), QStringLiteral("Running"));
        QCOMPARE(model.index(0, RunLogModel::TypeColumn).data().toString(), QStringLiteral("Form (modal)"));
        QVERIFY(!model.index(0, RunLogModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.append(finished(0, QStringLiteral("form1"), StepType::Form, RunOutcome::Succeeded));
        QCOMPARE(model.rowCount(), 1); // the same row, completed
        QCOMPARE(changed.count(), 1);
        QVERIFY(!model.isRunning(0));
        QCOMPARE(model.index(0, RunLogModel::StatusColumn).data().toString(), QStringLiteral("Succeeded"));
        QCOMPARE(model.index(0, RunLogModel::TimeColumn).data().toString(), QStringLiteral("12.3"));

        model.appendRunning(1, QStringLiteral("http1"), StepType::ApiRequest);
        StepResult http = finished(1, QStringLiteral("http1"), StepType::ApiRequest, RunOutcome::Failed);
        http.httpStatus = 401;
        http.detail = QStringLiteral("POST http://127.0.0.1:1/login?password=hunter22");
        http.error = QStringLiteral("http1: HTTP 401: wrong password hunter22");
        http.scope.addSecret(QStringLiteral("hunter22"));
        model.append(http);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, RunLogModel::HttpColumn).data().toString(), QStringLiteral("401"));
        QCOMPARE(model.index(1, RunLogModel::StatusColumn).data().toString(), QStringLiteral("Failed"));
        const QString detail = model.index(1, RunLogModel::DetailColumn).data().toString();
        QVERIFY2(!detail.contains(QStringLiteral("hunter22")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("password=********")), qPrintable(detail));
        QVERIFY(!model.index(1, RunLogModel::DetailColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("hunter22")));
        QCOMPARE(model.stepResult(1).httpStatus, 401);
        QCOMPARE(model.rowForStep(1), 1);
        QCOMPARE(model.rowForStep(5), -1);
        QCOMPARE(model.index(1, 0).data(RunLogModel::StepIndexRole).toInt(), 1);

        // A result without a running row (a log built after the fact) is appended.
        model.append(finished(2, QStringLiteral("TOKEN"), StepType::DefineVariable, RunOutcome::Skipped));
        model.append(finished(3, QStringLiteral("js1"), StepType::JavaScript, RunOutcome::Cancelled));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(2, RunLogModel::StatusColumn).data().toString(), QStringLiteral("Skipped"));
        QCOMPARE(model.index(3, RunLogModel::StatusColumn).data().toString(), QStringLiteral("Cancelled"));
        QCOMPARE(model.index(2, RunLogModel::HttpColumn).data().toString(), QString());
        QCOMPARE(model.stepResult(99).index, -1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // A script's console lines: the first in the step's Detail with a count, all in the tooltip and
    // ConsoleRole; masked with every secret the run has had, so a token logged before a later step made
    // it secret is masked as soon as that step finishes.
    void consoleLinesAreSummedUpInTheDetailAndMaskedWithLaterSecrets()
    {
        RunLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendRunning(0, QStringLiteral("js1"), StepType::JavaScript);
        StepResult js = finished(0, QStringLiteral("js1"), StepType::JavaScript, RunOutcome::Succeeded);
        js.console = {
            {ConsoleLine::Level::Log, QStringLiteral("token tok-123456"), QStringLiteral("js1"), {}, false},
            {ConsoleLine::Level::Warn, QStringLiteral("expires soon"), QStringLiteral("js1"), {}, false},
            {ConsoleLine::Level::Error,
             QStringLiteral("no refresh token"),
             QStringLiteral("js1"),
             {},
             false}};
        model.append(js);
        const QModelIndex detail = model.index(0, RunLogModel::DetailColumn);
        QCOMPARE(detail.data().toString(), QStringLiteral("console.log: token tok-123456 (+2 more lines)"));
        QCOMPARE(detail.data(RunLogModel::ConsoleRole).toStringList(),
                 (QStringList {QStringLiteral("js1: console.log: token tok-123456"),
                               QStringLiteral("js1: console.warn: expires soon"),
                               QStringLiteral("js1: console.error: no refresh token")}));
        QCOMPARE(detail.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("js1: console.log: token tok-123456\njs1: console.warn: expires soon\n"
                                "js1: console.error: no refresh token"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        StepResult token =
            finished(1, QStringLiteral("TOKEN"), StepType::DefineVariable, RunOutcome::Succeeded);
        token.scope.addSecret(QStringLiteral("tok-123456"));
        model.append(token);
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &arguments) {
            return arguments.at(0).toModelIndex().row() == 0;
        }));
        QCOMPARE(detail.data().toString(), QStringLiteral("console.log: token ******** (+2 more lines)"));
        QVERIFY(!detail.data(Qt::ToolTipRole).toString().contains(QStringLiteral("tok-123456")));
        QCOMPARE(detail.data(RunLogModel::ConsoleRole).toStringList().first(),
                 QStringLiteral("js1: console.log: token ********"));

        // A failed script: its error first, then what it logged; a long console is cut in the tooltip.
        StepResult failed = finished(2, QStringLiteral("js2"), StepType::JavaScript, RunOutcome::Failed);
        failed.error = QStringLiteral("js2: Error: boom (line 40)");
        for (int i = 0; i < 30; ++i)
            failed.console.append({ConsoleLine::Level::Log,
                                   QStringLiteral("line %1").arg(i),
                                   QStringLiteral("js2"),
                                   {},
                                   false});
        model.append(failed);
        const QModelIndex failedDetail = model.index(2, RunLogModel::DetailColumn);
        QCOMPARE(failedDetail.data().toString(),
                 QStringLiteral("js2: Error: boom (line 40) \u2014 console.log: line 0 (+29 more lines)"));
        const QStringList tip = failedDetail.data(Qt::ToolTipRole).toString().split(u'\n');
        QCOMPARE(tip.first(), failed.error);
        QCOMPARE(tip.at(2), QStringLiteral("js2: console.log: line 0"));
        QCOMPARE(tip.last(), QStringLiteral("\u2026 10 more in the Console"));
        QCOMPARE(tip.size(), 2 + RunLogModel::MaxTooltipConsoleLines + 1);
    }

    void formDialogFields()
    {
        FormDialog dialog(loginForm());
        auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("field_email"));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("field_password"));
        auto *otp = dialog.findChild<QLineEdit *>(QStringLiteral("field_otp"));
        QVERIFY(email && password && otp);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QCOMPARE(email->echoMode(), QLineEdit::Normal);
        QCOMPARE(email->accessibleName(), QStringLiteral("Email"));
        QCOMPARE(dialog.fieldEdit(QStringLiteral("otp")), otp);
    }

    void formDialogRequiredFieldsAndEnterSubmits()
    {
        FormDialog dialog(loginForm());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("okButton"));
        auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("field_email"));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("field_password"));
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("formMessage"));
        QVERIFY(ok && email && password && message);
        QVERIFY(!ok->isEnabled());

        // Enter in an incomplete form doesn't submit; it moves on to what is missing.
        QTest::keyClicks(email, QStringLiteral("ada"));
        QTest::keyClick(email, Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(!ok->isEnabled());
        QCOMPARE(message->text(), QStringLiteral("Email doesn't look like an email address"));
        QTest::keyClicks(email, QStringLiteral("@example.com"));
        QTest::keyClick(email, Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(QApplication::focusWidget(), password);
        QCOMPARE(message->text(), QStringLiteral("Password is required"));

        dialog.accept(); // called directly, it refuses too
        QCOMPARE(accepted.count(), 0);

        QTest::keyClicks(password, QStringLiteral("secret"));
        QVERIFY(ok->isEnabled()); // the one-time code is optional
        QVERIFY(message->text().isEmpty());
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QJsonObject values = dialog.values();
        QCOMPARE(values.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.com"));
        QCOMPARE(values.value(QStringLiteral("password")).toString(), QStringLiteral("secret"));
        QCOMPARE(values.value(QStringLiteral("otp")).toString(), QString());
    }

    void formDialogEscCancels()
    {
        FormDialog dialog(loginForm());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("field_email"));
        QTest::keyClicks(email, QStringLiteral("ada@example.com"));
        QTest::keyClick(email, Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!dialog.isVisible());
    }

    void emailCheckIsLight_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << QStringLiteral("demo@authstudio.test") << true;
        QTest::newRow("plus and subdomain") << QStringLiteral("a.b+c@mail.example.co.uk") << true;
        QTest::newRow("no at") << QStringLiteral("demo.authstudio.test") << false;
        QTest::newRow("no domain dot") << QStringLiteral("demo@localhost") << false;
        QTest::newRow("space") << QStringLiteral("de mo@example.com") << false;
        QTest::newRow("two ats") << QStringLiteral("a@b@example.com") << false;
    }
    void emailCheckIsLight()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(FormDialog::looksLikeEmail(text), ok);
    }

    void nextAnswerAnswersFromTheEventLoop()
    {
        QWidget window;
        DialogPrompter prompter(&window);
        QSignalSpy answered(&prompter, &FormPrompter::answered);
        QSignalSpy cancelled(&prompter, &FormPrompter::cancelled);
        const QJsonObject values {{QStringLiteral("email"), QStringLiteral("a@b.c")},
                                  {QStringLiteral("password"), QStringLiteral("pw")}};

        DialogPrompter::setNextAnswer(values);
        prompter.prompt(loginForm());
        QCOMPARE(answered.count(), 0); // never re-entrant
        QVERIFY(!prompter.dialog());
        QTRY_COMPARE(answered.count(), 1);
        QCOMPARE(answered.first().first().toJsonObject(), values);

        DialogPrompter::setNextAnswer(std::nullopt);
        prompter.prompt(loginForm());
        QTRY_COMPARE(cancelled.count(), 1);
        QCOMPARE(answered.count(), 1);

        // Cancelled before the answer arrives: no answer at all.
        DialogPrompter::setNextAnswer(values);
        prompter.prompt(loginForm());
        prompter.cancelPrompt();
        QCoreApplication::processEvents(); // runs the queued answer, if it were going to answer
        QCOMPARE(answered.count(), 1);
        QCOMPARE(cancelled.count(), 1);
    }

    void realDialogIsWindowModalAndAnswers()
    {
        QWidget window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DialogPrompter prompter(&window);
        prompter.setTitle(QStringLiteral("Seed walkthrough"));
        QSignalSpy answered(&prompter, &FormPrompter::answered);

        prompter.prompt(loginForm()); // returns at once: no nested event loop
        QCOMPARE(answered.count(), 0);
        QTRY_VERIFY(openDialog());
        FormDialog *dialog = openDialog();
        QCOMPARE(dialog, prompter.dialog());
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("Seed walkthrough")));
        QTRY_VERIFY(QApplication::focusWidget() == dialog->fieldEdit(QStringLiteral("email")));

        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ada@example.com"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(dialog->fieldEdit(QStringLiteral("password")), QStringLiteral("correct horse"));
        QTest::keyClick(dialog->fieldEdit(QStringLiteral("password")), Qt::Key_Enter);
        QCOMPARE(answered.count(), 1);
        const QJsonObject values = answered.first().first().toJsonObject();
        QCOMPARE(values.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.com"));
        QCOMPARE(values.value(QStringLiteral("password")).toString(), QStringLiteral("correct horse"));
        QVERIFY(!prompter.dialog());
        QTRY_VERIFY(!openDialog());
    }

    void realDialogEscCancelsAndCancelPromptCloses()
    {
        QWidget window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DialogPrompter prompter(&window);
        QSignalSpy answered(&prompter, &FormPrompter::answered);
        QSignalSpy cancelled(&prompter, &FormPrompter::cancelled);

        prompter.prompt(loginForm());
        QTRY_VERIFY(openDialog());
        QTest::keyClick(openDialog(), Qt::Key_Escape);
        QCOMPARE(cancelled.count(), 1);
        QTRY_VERIFY(!openDialog());

        // The run was cancelled while the form was open: it closes without answering.
        prompter.prompt(loginForm());
        QTRY_VERIFY(openDialog());
        QPointer<FormDialog> dialog = openDialog();
        prompter.cancelPrompt();
        QTRY_VERIFY(!dialog);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(answered.count(), 0);
    }
};

QTEST_MAIN(TestRunLog)
#include "tst_runlog.moc"
