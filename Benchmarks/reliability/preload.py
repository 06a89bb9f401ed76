"""A model of a disk for the fault tests, written in C (`volatile-disk.c`, `full-disk.c`, `stalled-disk.c`), built into
a library the server loads with LD_PRELOAD."""
import os, shutil, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def library(name, folder, test):
    """Builds `name`.c (next to this file) into `folder` and returns the library's path; exits, naming `test`, if no C
    compiler is found."""
    compiler = next((found for candidate in ('cc', 'clang', 'gcc') if (found := shutil.which(candidate))), None)
    if compiler is None:
        raise SystemExit(f'the {test} needs a C compiler (cc, clang or gcc) to build {name}.c')
    built = os.path.join(folder, f'{name}.so')
    subprocess.run([compiler, '-shared', '-fPIC', '-O2', '-Wall', '-Werror', '-o', built, os.path.join(HERE, f'{name}.c'),
                    '-ldl', '-lpthread'], check=True)
    return built


class FlaggedModel:
    """A model `name`.c (`full-disk.c`, `stalled-disk.c`) loaded into the server, which does its fault to the files
    whose paths start with `files` (the database's path, or the start it shares with the kept files) while a flag file
    exists: `variables`, the model's own environment (the library, and the flag's path and that start, which it reads
    from MOTCUA_<NAME>_FLAG and MOTCUA_<NAME>_FILES), `env` the server's with them, `begin` and `end` for the fault."""

    def __init__(self, name, test, files, folder):
        """`test`: named if no C compiler is found; `folder`: the test's own, for the library and the flag."""
        self.flag = os.path.join(folder, name)
        variable = 'MOTCUA_' + name.upper().replace('-', '_')
        self.variables = {'LD_PRELOAD': library(name, folder, test), f'{variable}_FLAG': self.flag,
                          f'{variable}_FILES': files}
        self.env = dict(os.environ, **self.variables)

    def begin(self):
        open(self.flag, 'w').close()

    def end(self):
        os.remove(self.flag)
