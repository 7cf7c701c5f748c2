"""Fit the learned ranker on past missions; keep it only if it ranks better."""

import os

from django.core.management.base import BaseCommand, CommandError

from matching.learning import build_dataset, model_path, save_model, train


class Command(BaseCommand):
    help = (
        "Fit a ranking model on past proposals and their outcomes, report NDCG@10 "
        "on held-out companies against the hand-tuned score, and save the model "
        "only when it beats that score with enough examples."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-examples", type=int, default=200)
        parser.add_argument("--test-size", type=float, default=0.25)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, **options):
        if not 0 < options["test_size"] < 1:
            raise CommandError("--test-size must be between 0 and 1.")
        # One thread: on 2 cores, a BLAS pool per process slowed fitting sevenfold.
        os.environ.setdefault("OMP_NUM_THREADS", "1")

        dataset = build_dataset()
        result = train(
            dataset,
            min_examples=options["min_examples"],
            test_size=options["test_size"],
            seed=options["seed"],
        )

        self.stdout.write(
            f"Examples: {result.n_examples} proposals "
            f"({result.n_train} to train, {result.n_test} held out)."
        )
        if result.ndcg_model is not None:
            self.stdout.write(
                f"NDCG@10 of the learned model:    {result.ndcg_model:.4f}"
            )
        if result.ndcg_baseline is not None:
            self.stdout.write(
                f"NDCG@10 of the hand-tuned score: {result.ndcg_baseline:.4f}"
            )
        if not result.accepted:
            kept = " The model saved before stays." if model_path().exists() else ""
            self.stdout.write(
                self.style.WARNING(f"No model saved: {result.refusal}{kept}")
            )
            return

        path = save_model(result.ranker)
        self.stdout.write(
            self.style.SUCCESS(
                f"Model {result.ranker.version} saved to {path}; "
                "restart the web workers to rank with it."
            )
        )
