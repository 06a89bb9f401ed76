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
