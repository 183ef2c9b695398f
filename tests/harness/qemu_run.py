#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Boot Tessera (or an ISO) under QEMU and judge the run by its serial output.

See tests/harness/README.md for the options, verdicts and exit codes.
"""

import argparse
import codecs
import os
import re
import selectors
import shlex
import shutil
import signal
import subprocess
import sys
import time

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_SKIP = 77              # CTest: SKIP_RETURN_CODE 77

DEBUG_EXIT_PORT = 0xF4
RESULT_RE = re.compile(r'Test result: (SUCCESS|SKIP|ERROR|FAILURE)\b')
PANIC_RE = re.compile(r'Tessera panic|PANIC')
KILL_WAIT = 2.0             # seconds QEMU gets to die after SIGTERM
READ_SIZE = 65536


class Verdict(Exception):
    """A final verdict; raised to end the run from anywhere."""

    def __init__(self, kind, reason):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


class Run:
    """What happened to one QEMU process."""

    def __init__(self):
        self.started = False
        self.exit_code = None       # None: killed by us or still running
        self.timed_out = False      # deadline passed before the verdict was complete
        self.stopped = False        # killed after the verdict was complete
        self.lines = []
        self.stderr = b''


def describe_exit(code):
    if code is None:
        return 'QEMU did not exit'
    if code < 0:
        return 'QEMU killed by signal %d' % -code
    if code & 1:
        return 'QEMU exit code %d (debug-exit status %d)' % (code, code >> 1)
    return 'QEMU exit code %d' % code


class Judge:
    """Common state: rejects and the stop conditions the runner asks about."""

    def __init__(self, rejects):
        self.rejects = rejects
        self.rejected = None        # (regex, line)
        self.final = False          # nothing later can change the verdict

    def check_rejects(self, line):
        for rx in self.rejects:
            if rx.search(line):
                self.rejected = (rx, line)
                self.final = True
                return True
        return False

    def reject_verdict(self):
        if self.rejected:
            rx, line = self.rejected
            raise Verdict('FAIL', 'rejected /%s/ matched: %s' % (rx.pattern, line.strip()))


class ResultJudge(Judge):
    """Exactly one `Test result:` line decides; a panic is a crash."""

    def __init__(self, rejects):
        super().__init__(rejects)
        self.results = []
        self.panic = None

    def feed(self, line):
        if self.panic is None and PANIC_RE.search(line):
            self.panic = line
            self.final = True
        m = RESULT_RE.search(line)
        if m:
            self.results.append(m.group(1))
            self.final = self.final or len(self.results) > 1
        self.check_rejects(line)

    def complete(self):
        return len(self.results) == 1

    def verdict(self, run):
        if self.panic is not None:
            raise Verdict('CRASH', 'panic: %s' % self.panic.strip())
        self.reject_verdict()
        if len(self.results) > 1:
            raise Verdict('FAIL', '%d Test result lines (%s), expected exactly one'
                          % (len(self.results), ', '.join(self.results)))
        if not self.results:
            if run.timed_out:
                raise Verdict('TIMEOUT', 'no Test result line before the timeout')
            raise Verdict('CRASH', 'no Test result line (%s)' % describe_exit(run.exit_code))
        word = self.results[0]
        if word in ('ERROR', 'FAILURE'):
            raise Verdict('FAIL', 'Test result: %s' % word)
        return ('PASS' if word == 'SUCCESS' else 'SKIP'), 'Test result: %s' % word


class ExpectJudge(Judge):
    """Every --expect must match a line, in order; no --reject may match."""

    def __init__(self, expects, rejects):
        super().__init__(rejects)
        self.expects = expects
        self.next = 0

    def feed(self, line):
        self.check_rejects(line)
        if self.next < len(self.expects) and self.expects[self.next].search(line):
            self.next += 1

    def complete(self):
        # With no --expect there is nothing to wait for but QEMU's exit.
        return bool(self.expects) and self.next == len(self.expects)

    def verdict(self, run):
        self.reject_verdict()
        if self.next < len(self.expects):
            missing = '/%s/' % self.expects[self.next].pattern
            if run.timed_out:
                raise Verdict('TIMEOUT', 'expected %s not seen before the timeout' % missing)
            raise Verdict('FAIL', 'expected %s not seen (%s)'
                          % (missing, describe_exit(run.exit_code)))
        return 'PASS', 'all %d expectations matched' % len(self.expects)


def check_exit(run, args):
    if args.expect_exit is None:
        return
    if run.exit_code is None:
        raise Verdict('TIMEOUT' if run.timed_out else 'FAIL',
                      'QEMU did not exit (expected exit code %d)' % args.expect_exit)
    if run.exit_code != args.expect_exit:
        raise Verdict('FAIL', '%s, expected %d' % (describe_exit(run.exit_code),
                                                  args.expect_exit))


def check_started(run):
    # Exit code 1 is also debug-exit status 0: only silence plus stderr means QEMU failed.
    if run.exit_code == 1 and not any(run.lines) and run.stderr.strip():
        last = run.stderr.decode('utf-8', errors='replace').strip().splitlines()[-1]
        raise Verdict('FAIL', 'QEMU failed: %s' % last)


def judge_run(judge, run, args):
    """Return (kind, reason): output first, then the exit code."""
    try:
        check_started(run)
        kind, reason = judge.verdict(run)
        check_exit(run, args)
    except Verdict as v:
        return v.kind, v.reason
    if run.timed_out or run.stopped:
        reason += ' (QEMU stopped by the harness)'
    elif run.exit_code is not None:
        reason += ' (%s)' % describe_exit(run.exit_code)
    return kind, reason


# ---------------------------------------------------------------- command line

def initrd_arg(modules):
    # QEMU's multiboot loader splits -initrd at commas; ",," is a literal comma.
    return ','.join(m.strip().replace(',', ',,') for m in modules)


def qemu_command(args):
    cmd = [args.qemu, '-accel', 'tcg', '-machine', 'pc', '-m', str(args.memory),
           '-display', 'none', '-monitor', 'none', '-serial', 'stdio', '-no-reboot',
           '-device', 'isa-debug-exit,iobase=0x%x,iosize=0x04' % DEBUG_EXIT_PORT]
    if args.smp:
        cmd += ['-smp', str(args.smp)]
    if args.iso:
        cmd += ['-cdrom', args.iso, '-boot', 'd']
    else:
        append = ('%s debug_exit=0x%x' % (args.append, DEBUG_EXIT_PORT)).strip()
        cmd += ['-kernel', args.kernel, '-append', append]
        if args.module:
            cmd += ['-initrd', initrd_arg(args.module)]
    if args.icount:
        cmd += ['-icount', 'shift=0,align=off,sleep=off',
                '-rtc', 'base=2026-01-01T00:00:00,clock=vm']
    return cmd + args.qemu_arg


def check_inputs(args):
    """Catch what QEMU would report badly (its exit code 1 is also debug-exit 0)."""
    if shutil.which(args.qemu) is None:
        raise Verdict('FAIL', '%s not found (install the qemu-system-x86 package)'
                      % args.qemu)
    files = [args.iso] if args.iso else [args.kernel]
    if not args.iso:
        for m in args.module:
            words = m.split()
            if not words:
                raise Verdict('FAIL', 'empty --module')
            files.append(words[0])
    for path in files:
        if not os.path.isfile(path) or not os.access(path, os.R_OK):
            raise Verdict('FAIL', 'cannot read %s' % path)


# ---------------------------------------------------------------- running QEMU

def die_with_parent():
    # QEMU must not outlive a harness killed with SIGKILL (e.g. by CTest).
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except Exception:       # best effort: the process group kill covers the rest
        pass


def kill_group(proc):
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        try:
            proc.wait(KILL_WAIT)
            return
        except subprocess.TimeoutExpired:
            continue
    proc.wait()


class Output:
    """Serial bytes -> log file, live echo and whole lines for the judge."""

    def __init__(self, judge, log, echo):
        self.judge = judge
        self.log = log
        self.echo = echo
        self.decoder = codecs.getincrementaldecoder('utf-8')(errors='replace')
        self.partial = ''
        self.lines = []

    def add(self, data, last=False):
        if self.log and data:
            self.log.write(data)
            self.log.flush()
        text = self.decoder.decode(data, final=last)
        if self.echo:
            sys.stdout.write(text)
            sys.stdout.flush()
        parts = (self.partial + text).split('\n')
        self.partial = parts.pop()
        if last and self.partial:
            parts.append(self.partial)
            self.partial = ''
        for line in parts:
            # What a terminal shows: the text after the last carriage return
            # (GRUB's menu leaves one before the first line of the kernel).
            line = line.rstrip('\r').rsplit('\r', 1)[-1]
            self.lines.append(line)
            self.judge.feed(line)


def stop_time(judge, args, now, current):
    """When to stop QEMU although it is still running (None: not yet known)."""
    if current is not None:
        return current
    if judge.final:
        return now + min(args.grace, KILL_WAIT)     # let a panic dump finish
    if judge.complete() and args.expect_exit is None:
        return now + args.grace
    return None


class SerialInput:
    """--input: bytes typed on the serial line once --input-after has matched."""

    def __init__(self, proc, out, args):
        self.proc = proc
        self.out = out
        self.data = args.input
        self.after = args.input_after
        self.seen = 0           # output lines already searched

    def poll(self):
        if self.data is None:
            return
        lines = self.out.lines
        if self.after is not None:
            hit = any(self.after.search(line) for line in lines[self.seen:])
            self.seen = len(lines)
            if not hit:
                return
        try:
            self.proc.stdin.write(self.data)
            self.proc.stdin.flush()
        except OSError:
            pass
        self.data = None


def pump(proc, out, judge, args, run):
    typist = SerialInput(proc, out, args)
    typist.poll()
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ, 'out')
    sel.register(proc.stderr, selectors.EVENT_READ, 'err')
    deadline = time.monotonic() + args.timeout
    stop_at = None
    err = []
    while sel.get_map():
        now = time.monotonic()
        limit = deadline if stop_at is None else min(deadline, stop_at)
        if now >= limit:
            run.timed_out = stop_at is None or deadline <= stop_at
            run.stopped = not run.timed_out
            break
        for key, _ in sel.select(limit - now):
            data = os.read(key.fd, READ_SIZE)
            if not data:
                sel.unregister(key.fileobj)
            elif key.data == 'out':
                out.add(data)
                typist.poll()
            else:
                err.append(data)
        stop_at = stop_time(judge, args, time.monotonic(), stop_at)
    sel.close()
    run.stderr = b''.join(err)
    return deadline


def open_log(path):
    try:
        return open(path, 'wb') if path else None
    except OSError as e:
        raise Verdict('FAIL', 'cannot write log %s: %s' % (path, e.strerror))


def run_qemu(cmd, judge, args, run):
    log = open_log(args.log)
    out = Output(judge, log, args.verbose)
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if args.input is not None
                                else subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True,
                                preexec_fn=die_with_parent)
        run.started = True
        try:
            watch(proc, out, judge, args, run)
        finally:
            if proc.poll() is None:
                kill_group(proc)
            if proc.stdin:
                try:
                    proc.stdin.close()
                except OSError:
                    pass
            proc.stdout.close()
            proc.stderr.close()
        out.add(b'', last=True)
    finally:
        run.lines = out.lines
        if log:
            log.close()


def watch(proc, out, judge, args, run):
    deadline = pump(proc, out, judge, args, run)
    if not (run.timed_out or run.stopped):
        try:        # both pipes closed: QEMU is exiting
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            run.timed_out = True
    if run.timed_out or run.stopped:
        kill_group(proc)
    else:
        run.exit_code = proc.returncode


# ---------------------------------------------------------------- main

def regex(text):
    try:
        return re.compile(text)
    except re.error as e:
        raise argparse.ArgumentTypeError('bad regex %r: %s' % (text, e))


def serial_bytes(text):
    try:
        return codecs.escape_decode(text.encode('utf-8'))[0]
    except ValueError as e:
        raise argparse.ArgumentTypeError('bad escape in %r: %s' % (text, e))


def positive(kind):
    def parse(text):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError('must be > 0: %s' % text)
        return value
    return parse


def parse_args(argv):
    p = argparse.ArgumentParser(
        description='Boot an image under QEMU and judge its serial output.',
        epilog='Exit status: 0 PASS, 77 SKIP, 1 FAIL/CRASH/TIMEOUT, 2 usage error.',
        allow_abbrev=False)
    p.add_argument('--kernel', metavar='IMG', help='multiboot image (QEMU -kernel)')
    p.add_argument('--append', default='', metavar='OPTS', help='hypervisor options')
    p.add_argument('--module', action='append', default=[], metavar='"PATH [ARGS]"',
                   help='multiboot module with its command line (repeatable)')
    p.add_argument('--iso', help='boot this CD image instead of --kernel/--module')
    p.add_argument('--timeout', type=positive(float), default=60.0, metavar='SEC')
    p.add_argument('--grace', type=float, default=3.0, metavar='SEC',
                   help='how long QEMU may run on once the output has decided (default 3)')
    p.add_argument('--mode', choices=('result', 'expect'))
    p.add_argument('--expect', action='append', default=[], type=regex, metavar='REGEX')
    p.add_argument('--reject', action='append', default=[], type=regex, metavar='REGEX')
    p.add_argument('--expect-exit', type=int, metavar='N', help="QEMU's exit code")
    p.add_argument('--smp', type=positive(int), metavar='N',
                   help='CPUs (default $QEMU_RUN_SMP, else QEMU\'s default of 1; '
                        'with --icount only this option counts)')
    p.add_argument('--memory', type=positive(int), default=128, metavar='MB')
    p.add_argument('--icount', action='store_true', help='deterministic virtual time')
    p.add_argument('--input', type=serial_bytes, metavar='TEXT',
                   help='type TEXT on the serial line (C escapes such as \\x01 allowed)')
    p.add_argument('--input-after', type=regex, metavar='REGEX',
                   help='type --input only once a line matches REGEX')
    p.add_argument('--log', metavar='FILE', help='write the serial output here')
    p.add_argument('--qemu-arg', action='append', default=[], metavar='ARG',
                   help='extra QEMU argument (write --qemu-arg=-foo for dashes)')
    p.add_argument('--qemu', default=os.environ.get('QEMU', 'qemu-system-i386'),
                   help='QEMU binary (default $QEMU or qemu-system-i386)')
    p.add_argument('-v', '--verbose', action='store_true',
                   help='echo the serial output while it runs')
    args = p.parse_args(argv)
    if args.smp is None and not args.icount:
        # QEMU 7.2 runs only the first vCPU under -icount, so an --icount run
        # keeps to one CPU unless --smp asks otherwise explicitly.
        env_smp = os.environ.get('QEMU_RUN_SMP')
        if env_smp:
            try:
                args.smp = positive(int)(env_smp)
            except (ValueError, argparse.ArgumentTypeError):
                p.error('$QEMU_RUN_SMP must be a number > 0: %r' % env_smp)
    if args.mode is None:
        args.mode = 'expect' if args.expect else 'result'
    if args.mode == 'result' and args.expect:
        p.error('--expect needs --mode expect')
    if not args.kernel and not args.iso:
        p.error('one of --kernel or --iso is required')
    if args.grace < 0:
        p.error('--grace must be >= 0')
    if args.input_after is not None and args.input is None:
        p.error('--input-after needs --input')
    return args


def report(kind, reason, run, args, cmd):
    if kind not in ('PASS', 'SKIP'):
        if run.started and not args.verbose:
            print('qemu_run: ---- serial output (%d lines) ----' % len(run.lines))
            for line in run.lines:
                print(line)
        if run.stderr:
            print('qemu_run: ---- QEMU stderr ----')
            print(run.stderr.decode('utf-8', errors='replace').rstrip('\n'))
        print('qemu_run: command: %s' % shlex.join(cmd))
    print('qemu_run: %s: %s' % (kind, reason))
    sys.stdout.flush()
    if kind == 'PASS':
        return EXIT_OK
    return EXIT_SKIP if kind == 'SKIP' else EXIT_FAIL


def on_signal(signum, _frame):
    raise Verdict('FAIL', 'harness interrupted by signal %d' % signum)


def main(argv):
    sys.stdout.reconfigure(errors='replace')
    args = parse_args(argv)
    if args.iso and (args.kernel or args.module or args.append):
        print('qemu_run: note: --iso given, --kernel/--module/--append are not used')
    if args.mode == 'result':
        judge = ResultJudge(args.reject)
    else:
        judge = ExpectJudge(args.expect, args.reject)
    cmd = qemu_command(args)
    run = Run()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        check_inputs(args)
        run_qemu(cmd, judge, args, run)
        kind, reason = judge_run(judge, run, args)
    except Verdict as v:
        kind, reason = v.kind, v.reason
    except OSError as e:
        kind, reason = 'FAIL', 'cannot run QEMU: %s' % e
    return report(kind, reason, run, args, cmd)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
