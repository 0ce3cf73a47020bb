editionSearch.shard("rh",{"rhetorical":[[6,2],[[6,"A rhetorical question. The stated rationale of the European Phased Adaptive Approach, the US plan for missile defence in…"]]]});
