import { useEffect, useEffectEvent } from 'react';
import { useSearchParams } from 'react-router-dom';

// A page asked, through its address, to do something as it opens (`?do=import`): the native menu's
// 导入名册 on a class, the empty workbench's 新建班次. Done once, then taken out of the address so
// that going back does not do it again.
export const useRequested = (action: string, run: () => void) => {
  const [params, setParams] = useSearchParams();
  const requested = params.get('do') === action;
  const act = useEffectEvent(run);
  useEffect(() => {
    if (!requested) return;
    act();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('do');
        return next;
      },
      { replace: true },
    );
  }, [requested, setParams]);
};
