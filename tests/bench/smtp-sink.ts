// An SMTP server in a process of its own for the outbox benchmark, as a real mail server would be:
// its work must not count against the console's API latency. Reports its port, then on request
// how many messages it took.
import { startSmtpTestServer } from '../support/smtp-test-server';

const disposers: (() => unknown)[] = [];
startSmtpTestServer({ defer: (d) => disposers.push(d) }, { kind: 'accept' }, { parse: false })
  .then((smtp) => {
    process.send?.({ port: smtp.port });
    process.on('message', (message) => {
      if (message === 'count') process.send?.({ accepted: smtp.accepted });
      if (message === 'stop') void Promise.all(disposers.map((d) => d())).then(() => process.exit(0));
    });
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
