editionSearch.shard("ur",{"urge":[[43,3],[[43,"Once again, we urge Washington to take a responsible position and to take a critical look at its missile defence plans, which, if…"]]]});
