#!/usr/bin/env bash
# Every benchmark, one command: bash benchmarks/run.sh  (needs ../shared/benchmarks; says so if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
PY=.venv/bin/python
echo "== HTML extraction (newsdesk vs trafilatura, same run) =="; $PY benchmarks/extraction_html.py
echo; echo "== plain-text extraction =="; $PY benchmarks/extraction_text.py
echo; echo "== speed =="; $PY benchmarks/speed.py
echo; echo "== outlets recognised (hand-labelled pages; Article.outlet as extracted same run) =="; $PY benchmarks/outlets.py
echo; echo "== time expressions (TimeBank + AQUAINT-A tune / AQUAINT-B held out; dateparser same run) =="; $PY benchmarks/temporal.py
echo; echo "== quotes and attributions (PolNeAR dev; textacy same run) =="; $PY benchmarks/attribution.py --split dev
echo; echo "== figures (labelled table; spaCy numeric entities same run) =="; $PY benchmarks/figures.py
echo; echo "== roles (labelled table; spaCy appos same run) =="; $PY benchmarks/roles.py
echo; echo "== annotate speed (spaCy nlp.pipe alone same run) =="; $PY benchmarks/annotate_speed.py
echo; echo "== stories (Timeline17 topics mixed; scikit-learn all-pairs clustering same run) =="; $PY benchmarks/stories.py
echo; echo "== stories on same-days streams (GVA report, FNC-1, NeuS crawl; alone, previous, all-pairs same run) =="; $PY benchmarks/stories_stream.py --split report
echo; echo "== reprints (synthetic wire copies of Timeline17 articles) =="; $PY benchmarks/reprints.py
echo; echo "== entities across articles (labelled pairs; exact-name baseline same run) =="; $PY benchmarks/entity_merge.py
echo; echo "== one entity across outlets (Timeline17 pairs; exact-name baseline and previous rules same run) =="; $PY benchmarks/entity_merge_outlets.py
echo; echo "== timeline (Timeline17 report timelines; mention-count baseline same run) =="; $PY benchmarks/timelines.py --split report
echo; echo "== story facts (GVA report incidents, gold grouping; trivial baseline same run) =="; $PY benchmarks/story_facts.py --split tune; $PY benchmarks/story_facts.py --split report
echo; echo "== claim alignment (labelled pairs; lexical and embeddings same run) =="; $PY benchmarks/claims.py
echo; echo "== headline check (PolNeAR, swapped headlines; word-share baseline same run) =="; $PY benchmarks/headlines.py
echo; echo "== stories at scale (100,000 articles; time and memory) =="; $PY benchmarks/stories_scale.py --sizes 10000 100000
echo; echo "== one story's cross-check against its size, 50-800 articles (the previous code same run; outputs compared) =="; $PY benchmarks/crosscheck_scale.py
echo; echo "== conflicts (labelled pairs; numbers-differ baseline same run) =="; $PY benchmarks/conflicts.py
echo; echo "== conflicts at story scale (labelled sample of reported disagreements) =="; $PY benchmarks/conflicts_story.py
echo; echo "== facts on every English page (the tag-as-written rule same run) =="; $PY benchmarks/zero_facts.py
echo; echo "== boilerplate sentences dropped from claims and timelines (Timeline17) =="; $PY benchmarks/boilerplate_sentences.py
echo; echo "== JSONL bodies through the plain-text cleaner (GVA, NeuS) =="; $PY benchmarks/jsonl_cleaning.py --limit 1500
echo; echo "== story dates (GVA report incidents, one article undated; its own range and the story-mates' days same run) =="; $PY benchmarks/story_dates.py
echo; echo "== report size and build time (examples, 1,000 Timeline17 articles; JSON dossier same run) =="; $PY benchmarks/report.py
echo; echo "== web app page load, 10,000 articles (static http.server same run) =="; $PY benchmarks/app_load.py
echo; echo "== the store remembers: unchanged re-run and adding articles (first run and analysing all anew same run) =="; $PY benchmarks/store_rerun.py
echo; echo "== kill -9 at random moments, then the same command again (the uninterrupted run same run) =="; $PY benchmarks/store_kill.py
echo; echo "== the local app under 200 requests and a 50-connection slowloris (the quiet server same run) =="; $PY benchmarks/serve_siege.py
echo; echo "== Dask LocalCluster (2 workers) against -j 2: add and analyze, same bytes; where the time goes =="; $PY benchmarks/dask_cluster.py
echo; echo "== hostile inputs: 1,054 generated, each beside a good article; then analyze of 300 GVA pages, 30 mutated =="; $PY benchmarks/fuzz_inputs.py; $PY benchmarks/fuzz_inputs.py --mixed
